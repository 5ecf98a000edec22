//! Locale keys for names that come from the data layer's enums.

use yunce_data::{Measure, Vendor};

/// The locale key of a vendor's display name.
pub fn vendor_key(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Alibaba => "vendor.alibaba",
        Vendor::Huawei => "vendor.huawei",
        Vendor::Tencent => "vendor.tencent",
        Vendor::Tianyi => "vendor.tianyi",
        Vendor::ChinaMobile => "vendor.china-mobile",
        Vendor::Baidu => "vendor.baidu",
        Vendor::Aws => "vendor.aws",
        Vendor::Microsoft => "vendor.microsoft",
        Vendor::Google => "vendor.google",
        Vendor::Kingsoft => "vendor.kingsoft",
        Vendor::Others => "vendor.others",
        Vendor::TopN(3) => "vendor.top3",
        Vendor::TopN(4) => "vendor.top4",
        Vendor::TopN(_) => "vendor.top5",
    }
}

/// The locale key of a measure's name.
pub fn measure_key(measure: Measure) -> &'static str {
    match measure {
        Measure::CanalysSpend => "measure.canalys",
        Measure::CanalysWorldSpend => "measure.canalys-world",
        Measure::IdcIaas => "measure.idc-iaas",
        Measure::IdcIaasQuarterly => "measure.idc-iaas-q",
        Measure::IdcIaasPaas => "measure.idc-iaas-paas",
        Measure::IdcIaasPaasQuarterly => "measure.idc-iaas-paas-q",
        Measure::IdcPaas => "measure.idc-paas",
        Measure::IdcPublicCloud => "measure.idc-public-cloud",
        Measure::Caict => "measure.caict",
        Measure::OmdiaAiCloud => "measure.omdia-ai-cloud",
    }
}

/// The locale key explaining what a measure counts.
pub fn measure_note_key(measure: Measure) -> &'static str {
    match measure {
        Measure::CanalysSpend | Measure::CanalysWorldSpend => "measure.note.canalys",
        Measure::OmdiaAiCloud => "measure.note.omdia",
        Measure::Caict => "measure.note.caict",
        _ => "measure.note.idc",
    }
}
