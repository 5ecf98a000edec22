//! Derived rows of the compute plan view and the CSV of each table.

use crate::components::table::{CsvTable, PROVENANCE_COLUMNS, provenance_values};
use yunce_chart::format_value;
use yunce_data::compute::story::Precision;
use yunce_data::{Accelerator, Dataset, Meta};

/// A value with two decimals at most; `None` is an empty string (a gap).
pub fn num(v: Option<f64>) -> String {
    v.map(|v| format_value(v, 2)).unwrap_or_default()
}

/// The locale key naming a precision basis.
pub fn precision_key(p: Precision) -> &'static str {
    match p {
        Precision::NotStated => "compute.precision_not_stated",
        Precision::Fp16 => "compute.precision_fp16",
        Precision::NotApplicable => "compute.precision_na",
    }
}

/// The accelerators of one vendor (or all), in data order.
pub fn accelerators<'a>(data: &'a Dataset, vendor: Option<&str>) -> Vec<&'a Accelerator> {
    data.accelerators
        .iter()
        .filter(|a| vendor.is_none_or(|v| v == a.vendor))
        .collect()
}

fn with_provenance(mut row: Vec<String>, meta: &Meta) -> Vec<String> {
    row.extend(provenance_values(meta));
    row
}

fn columns(first: &[&'static str]) -> Vec<&'static str> {
    let mut out = first.to_vec();
    out.extend(PROVENANCE_COLUMNS);
    out
}

/// Every plan target as CSV: the comparator and the value in columns of their own.
pub fn targets_csv(data: &Dataset) -> CsvTable {
    CsvTable {
        columns: columns(&[
            "row_id",
            "dimension",
            "indicator",
            "comparator",
            "value",
            "unit",
            "target_year",
        ]),
        rows: data
            .plan_targets
            .iter()
            .map(|t| {
                with_provenance(
                    vec![
                        t.meta.id.clone(),
                        t.dimension.clone(),
                        t.indicator.clone(),
                        t.comparator.clone(),
                        t.value.map(|v| v.to_string()).unwrap_or_default(),
                        t.unit.clone(),
                        t.target_year.map(|y| y.to_string()).unwrap_or_default(),
                    ],
                    &t.meta,
                )
            })
            .collect(),
    }
}

/// The measured capacity as CSV, with the precision basis as written and as parsed.
pub fn capacity_csv(data: &Dataset) -> CsvTable {
    CsvTable {
        columns: columns(&[
            "row_id",
            "as_of",
            "metric",
            "value",
            "unit",
            "precision_basis",
            "precision",
        ]),
        rows: data
            .compute_capacity
            .iter()
            .map(|c| {
                with_provenance(
                    vec![
                        c.meta.id.clone(),
                        c.as_of.to_string(),
                        c.metric.clone(),
                        c.value.map(|v| v.to_string()).unwrap_or_default(),
                        c.unit.clone(),
                        c.precision_basis.clone(),
                        Precision::parse(&c.precision_basis).slug().to_string(),
                    ],
                    &c.meta,
                )
            })
            .collect(),
    }
}

/// The accelerators shown as CSV, values as written (ranges and estimates kept).
pub fn accelerators_csv(rows: &[&Accelerator]) -> CsvTable {
    CsvTable {
        columns: columns(&[
            "row_id",
            "vendor",
            "model",
            "launched",
            "dense_fp16_bf16_tflops",
            "sparse_fp16_tflops",
            "int8_tops",
            "memory_gb",
            "memory_type",
            "memory_bw_gbs",
            "scaleup_interconnect_gbs",
            "tdp_w",
            "oct2022_rule",
            "oct2023_rule",
            "later_status",
        ]),
        rows: rows
            .iter()
            .map(|a| {
                with_provenance(
                    vec![
                        a.meta.id.clone(),
                        a.vendor.clone(),
                        a.model.clone(),
                        a.announced_or_launched.clone(),
                        a.dense_fp16_bf16_tflops_raw.clone(),
                        a.sparse_fp16_tflops_raw.clone(),
                        a.int8_tops_raw.clone(),
                        a.memory_gb_raw.clone(),
                        a.memory_type.clone(),
                        a.memory_bw_gbs_raw.clone(),
                        a.scaleup_interconnect_gbs_raw.clone(),
                        a.tdp_w_raw.clone(),
                        a.export_status_oct2022_rule.clone(),
                        a.export_status_oct2023_rule.clone(),
                        a.later_status.clone(),
                    ],
                    &a.meta,
                )
            })
            .collect(),
    }
}

/// The export-control rules as CSV.
pub fn controls_csv(data: &Dataset) -> CsvTable {
    CsvTable {
        columns: vec![
            "row_id",
            "date",
            "authority",
            "action",
            "thresholds_as_reported",
            "products_affected_as_reported",
            "source_ids",
        ],
        rows: data
            .export_controls
            .iter()
            .map(|e| {
                vec![
                    e.meta.id.clone(),
                    e.date.to_string(),
                    e.authority.clone(),
                    e.action.clone(),
                    e.thresholds_as_reported.clone(),
                    e.products_affected_as_reported.clone(),
                    e.meta.source_ids.join(";"),
                ]
            })
            .collect(),
    }
}
