// The views the suite visits, in nav order. Their number comes from `View::ALL` in
// src/views/mod.rs, so a view added to the enum but missing here fails the suite.
import { readFileSync } from "node:fs";

export const VIEW_COUNT = Number(readFileSync("src/views/mod.rs", "utf8").match(/ALL: \[View; (\d+)\]/)[1]);
export const VIEWS = [
  { path: "/", en: "Overview", zh: "总览" },
  { path: "/battles", en: "Two years on", zh: "两年之后" },
  { path: "/market", en: "Market", zh: "市场" },
  { path: "/alibaba", en: "Alibaba Cloud", zh: "阿里云" },
  { path: "/compute", en: "Compute plan", zh: "算力规划" },
  { path: "/sources", en: "Sources", zh: "来源" },
  { path: "/lab", en: "Scheduler lab", zh: "调度实验室" },
  { path: "/plan", en: "Capacity planner", zh: "算力采购规划" },
  { path: "/stability", en: "Stability lab", zh: "稳定性实验室" },
];
