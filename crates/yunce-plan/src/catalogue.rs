//! The default chip catalogue and sites, built from the fact base. Every value carries its
//! fact-base rows and sources, or is flagged as an assumption.

use yunce_data::Accelerator;

use crate::facts::{Facts, derived, iso, launch_date, noted};
use crate::param::{Origin, Param};
use crate::scenario::{Chip, Finance, Site};

/// The id of Alibaba's T-Head PPU, which has no row in `ai_accelerators.csv`.
pub const PPU_ID: &str = "T-HEAD-PPU";

/// Defaults for money over time; `rmb_per_usd` is also used to convert USD prices.
pub fn default_finance() -> Finance {
    let facts = Facts::embedded();
    Finance {
        years: noted(
            facts.param("PP-045", 4.0),
            "Useful life of computer equipment (Baidu).",
        ),
        discount_rate: Param::assumed(0.08, "Yearly discount rate; no source."),
        average_load: Param::assumed(0.8, "Average draw as a share of nameplate power."),
        rmb_per_usd: Param::assumed(7.2, "About the 2023-2025 average rate."),
    }
}

/// The fact-base chip catalogue: the 13 rows of `ai_accelerators.csv` plus the T-Head PPU.
pub fn default_chips() -> Vec<Chip> {
    Catalogue::new(&Facts::embedded()).chips()
}

/// The five default sites: three western hubs, Ningxia and the Yangtze River Delta.
pub fn default_sites() -> Vec<Site> {
    Catalogue::new(&Facts::embedded()).sites()
}

struct Catalogue<'a> {
    facts: &'a Facts,
    fx: Param,
    overhead_w: Param,
    server_price: Param,
}

impl<'a> Catalogue<'a> {
    fn new(facts: &'a Facts) -> Self {
        let fx = default_finance().rmb_per_usd;
        let dgx_kw = facts.param("PP-023", 10.2);
        let h100_w = facts
            .spec("AC-003", |a| &a.tdp_w_raw)
            .unwrap_or_else(|| Param::assumed(700.0, "H100 TDP"));
        let overhead_w = derived(
            dgx_kw.value * 1000.0 - 8.0 * h100_w.value,
            &[&dgx_kw, &h100_w],
            "DGX H100 maximum system power minus 8 x 700 W GPUs.",
        );
        let server = facts.param("PP-006", 1_400_000.0);
        let card = facts.param("PP-002", 110_000.0);
        let server_price = derived(
            server.value - 8.0 * card.value,
            &[&server, &card],
            "H20 8-GPU server price minus 8 cards at the distributor price (Feb 2024).",
        );
        Self {
            facts,
            fx,
            overhead_w,
            server_price,
        }
    }

    fn usd(&self, id: &str, fallback_usd: f64) -> Param {
        let p = self.facts.param(id, fallback_usd).scaled(self.fx.value);
        let note = format!(
            "USD converted at {} RMB per USD (assumption).",
            self.fx.value
        );
        noted(p, &note)
    }

    fn assumed(&self, value: f64, note: &str) -> Param {
        Param::assumed(value, note)
    }

    fn spec_or(&self, id: &str, cell: fn(&Accelerator) -> &str, value: f64, note: &str) -> Param {
        self.facts
            .spec(id, cell)
            .unwrap_or_else(|| self.assumed(value, note))
    }

    fn chips(&self) -> Vec<Chip> {
        let f = self.facts;
        let eight = f.param("PP-024", 8.0);
        let eight_assumed = || self.assumed(8.0, "Eight cards per server, as in HGX; no source.");
        let mut chips = Vec::new();
        let mut push = |id: &str, cards: Param, tdp: Param, price: Param| {
            let Some(a) = f.accelerator(id) else {
                return;
            };
            chips.push(self.chip(a, cards, tdp, price));
        };
        push(
            "AC-001",
            eight.clone(),
            self.tdp("AC-001", 400.0),
            f.param("PP-015", 125_000.0),
        );
        push(
            "AC-002",
            eight.clone(),
            self.tdp("AC-002", 400.0),
            f.param("PP-016", 108_000.0),
        );
        push(
            "AC-003",
            eight.clone(),
            self.tdp("AC-003", 700.0),
            self.usd("PP-013", 20_000.0),
        );
        let h800_server = f.param("PP-011", 2_000_000.0);
        let h800 = derived(
            (h800_server.value - self.server_price.value) / 8.0,
            &[&h800_server, &self.server_price],
            "H800 8-GPU server price at launch minus the server, over 8 cards.",
        );
        push("AC-004", eight.clone(), self.tdp("AC-004", 700.0), h800);
        push(
            "AC-005",
            eight.clone(),
            self.tdp("AC-005", 400.0),
            self.usd("PP-001", 13_500.0),
        );
        push(
            "AC-006",
            eight_assumed(),
            self.tdp("AC-006", 275.0),
            f.param("PP-018", 75_000.0),
        );
        let ascend_note = "No price found; assumed below the 910B's RMB 120k.";
        push(
            "AC-007",
            eight_assumed(),
            self.tdp("AC-007", 310.0),
            self.assumed(100_000.0, ascend_note),
        );
        push(
            "AC-008",
            eight_assumed(),
            self.tdp("AC-008", 330.0),
            f.param("PP-019", 120_000.0),
        );
        let cm = f.param("PP-025", 559.0);
        let all_in = derived(
            cm.value * 1000.0 / 384.0,
            &[&cm],
            "CloudMatrix 384 system power over 384 chips, all-in (networking, CPUs).",
        );
        push(
            "AC-009",
            eight_assumed(),
            all_in,
            self.usd("PP-020", 28_600.0),
        );
        let none = "No price found; editable assumption.";
        push(
            "AC-010",
            eight_assumed(),
            self.tdp("AC-010", 250.0),
            self.assumed(40_000.0, none),
        );
        push(
            "AC-011",
            eight_assumed(),
            self.tdp("AC-011", 450.0),
            self.assumed(100_000.0, none),
        );
        push(
            "AC-012",
            eight_assumed(),
            self.tdp("AC-012", 300.0),
            self.assumed(30_000.0, none),
        );
        push(
            "AC-013",
            eight_assumed(),
            self.tdp("AC-013", 450.0),
            self.assumed(150_000.0, none),
        );
        chips.push(self.ppu());
        self.refine(&mut chips);
        chips
    }

    fn tdp(&self, id: &str, fallback: f64) -> Param {
        let note = format!("TDP not reported; assumed {fallback} W.");
        self.spec_or(id, |a| &a.tdp_w_raw, fallback, &note)
    }

    fn chip(&self, a: &Accelerator, cards: Param, tdp: Param, price: Param) -> Chip {
        let f = self.facts;
        let id = a.meta.id.as_str();
        let vendor = a.vendor.clone();
        let domestic = matches!(
            vendor.as_str(),
            "Huawei" | "Cambricon" | "Hygon" | "Alibaba"
        );
        let int8 = f.spec(id, |a| &a.int8_tops_raw).map(|p| {
            // The fact base flags some INT8 cells as sparse figures: halve them.
            if a.meta.note.contains("INT8") && a.meta.note.contains("sparse") {
                let v = p.value / 2.0;
                derived(v, &[&p], "Reported INT8 is a sparse figure; dense is half.")
            } else {
                p
            }
        });
        let (blocked_from, blocked_by) = self.blocking_rule(a);
        Chip {
            id: id.to_owned(),
            name: format!("{} {}", a.vendor, a.model),
            vendor,
            domestic,
            fp16_tflops: f.spec(id, |a| &a.dense_fp16_bf16_tflops_raw),
            int8_tops: int8,
            memory_gb: f.spec(id, |a| &a.memory_gb_raw),
            tdp_w: tdp,
            cards_per_server: cards,
            server_overhead_w: self.overhead_w.clone(),
            server_price_rmb: self.server_price.clone(),
            unit_price_rmb: price,
            supply_cap_cards: None,
            available_from: launch_date(&a.announced_or_launched).map(iso),
            blocked_from,
            blocked_by,
            never_sold_in_china: a.china_role.contains("Not available in mainland China"),
            allowed_override: None,
        }
    }

    /// The earliest rule that puts the chip under a licence requirement for China.
    fn blocking_rule(&self, a: &Accelerator) -> (Option<String>, Option<String>) {
        let f = self.facts;
        let blocked = |s: &str| s.contains("licence required");
        let rule = if blocked(&a.export_status_oct2022_rule) {
            Some("EC-001")
        } else if blocked(&a.export_status_oct2023_rule) {
            Some("EC-002")
        } else if blocked(&a.later_status) {
            // "2025-04-09: licence required ..." names the rule by its date.
            launch_date(&a.later_status).and_then(|d| {
                f.controls
                    .iter()
                    .find(|c| c.date.start() == d)
                    .map(|c| c.meta.id.as_str())
            })
        } else {
            None
        };
        match rule {
            Some(r) => (f.control_date(r).map(iso), Some(r.to_owned())),
            None => (None, None),
        }
    }

    /// Alibaba's T-Head PPU as far as `planner_params.csv` goes; the rest are assumptions.
    fn ppu(&self) -> Chip {
        let f = self.facts;
        let power = f.param("PP-027", 400.0);
        let cards = f.param("PP-026", 16.0);
        let cluster = f.param("PP-062", 1945.0);
        let per_card = derived(
            cluster.value * 1000.0 / 16_384.0,
            &[&cluster],
            "Sanjiangyuan cluster PFLOPS over 16,384 cards; precision not stated.",
        );
        let memory = noted(f.param("PP-027", 96.0), "96 GB HBM2e per the row's note.");
        let memory = Param::new(96.0, memory.provenance);
        Chip {
            id: PPU_ID.to_owned(),
            name: "Alibaba T-Head PPU".to_owned(),
            vendor: "Alibaba".to_owned(),
            domestic: true,
            fp16_tflops: Some(per_card),
            int8_tops: None,
            memory_gb: Some(memory),
            tdp_w: power,
            cards_per_server: cards,
            server_overhead_w: self.overhead_w.clone(),
            server_price_rmb: self.server_price.clone(),
            unit_price_rmb: Param::assumed(
                110_000.0,
                "No price found; assumed at the H20 distributor price.",
            ),
            supply_cap_cards: None,
            available_from: f
                .param_row("PP-026")
                .and_then(|r| launch_date(&r.as_of))
                .map(iso),
            blocked_from: None,
            blocked_by: None,
            never_sold_in_china: false,
            allowed_override: None,
        }
    }

    fn sites(&self) -> Vec<Site> {
        crate::sites::sites(self.facts, &self.fx)
    }

    /// Figures from `planner_params.csv` that fill or override catalogue cells.
    fn refine(&self, chips: &mut [Chip]) {
        let f = self.facts;
        for chip in chips.iter_mut() {
            match chip.id.as_str() {
                "AC-005" => chip.supply_cap_cards = Some(f.param("PP-047", 325_000.0)),
                "AC-006" => {
                    chip.fp16_tflops = Some(f.param("PP-030", 119.5));
                    let l20 = f.param("PP-030", 119.5);
                    chip.int8_tops =
                        Some(derived(239.0, &[&l20], "INT8/FP8 239 per the row's note."));
                }
                "AC-008" => chip.supply_cap_cards = Some(f.param("PP-052", 300_000.0)),
                "AC-009" => {
                    chip.supply_cap_cards = Some(f.param("PP-053", 100_000.0));
                    // The all-in power per chip already covers the server.
                    chip.server_overhead_w = derived(
                        0.0,
                        &[&chip.tdp_w],
                        "Included in the all-in power per chip.",
                    );
                }
                _ => {}
            }
        }
    }
}

/// Defaults that fell back to an assumption because their fact-base row was missing
/// (empty for the shipped data).
pub fn fallbacks(chips: &[Chip], sites: &[Site]) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |what: String, p: &Param| {
        if p.provenance.origin == Origin::Assumption && p.provenance.note.contains("not found") {
            out.push(what);
        }
    };
    for c in chips {
        check(format!("{} price", c.id), &c.unit_price_rmb);
        check(format!("{} power", c.id), &c.tdp_w);
        check(format!("{} cards", c.id), &c.cards_per_server);
    }
    for s in sites {
        check(format!("{} PUE", s.id), &s.pue);
        check(format!("{} electricity", s.id), &s.electricity_rmb_kwh);
    }
    out
}
