// Main-thread long tasks (PerformanceObserver "longtask", over 50 ms) seen by a page while
// something happens, for the budgets. One run on a busy machine can see a task that is not
// the app's, so the budgets judge the median of several runs' longest task.

/** Starts recording long tasks in `page`, forgetting any recorded before. */
export async function watchTasks(page) {
  await page.evaluate(() => {
    window.__budgetTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__budgetTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
  });
}

/** The long tasks recorded since `watchTasks`, in milliseconds. */
export async function recordedTasks(page) {
  return page.evaluate(() => window.__budgetTasks);
}
