//! Strict parsers for the openb node and pod CSV files.
//!
//! Every error names the 1-based line of the file, the column and the problem. The parsers
//! also check what a run needs, so a file that imports also runs: values beyond any real
//! machine or beyond what a trace time can mean are rejected with their limit, as are a pod
//! list without pods and a node list without GPUs.

use crate::model::{
    MAX_CPU_MILLI, MAX_GPUS_PER_NODE, MAX_MEMORY_MIB, MAX_TRACE_SECONDS, MILLI_PER_GPU, NodeSpec,
    PodSpec,
};
use std::fmt;

/// A parse failure at one place in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number in the file.
    pub line: usize,
    /// The column the problem is in, when it is about one column.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(c) => write!(f, "line {}, column {}: {}", self.line, c, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for ParseError {}

fn err(line: usize, column: Option<&str>, message: impl Into<String>) -> ParseError {
    ParseError {
        line,
        column: column.map(str::to_owned),
        message: message.into(),
    }
}

/// The node file header.
pub const NODE_HEADER: [&str; 5] = ["sn", "cpu_milli", "memory_mib", "gpu", "model"];
/// The short pod header of the multigpu files.
pub const POD_HEADER_SHORT: [&str; 5] = ["name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli"];
/// The full pod header.
pub const POD_HEADER_FULL: [&str; 11] = [
    "name",
    "cpu_milli",
    "memory_mib",
    "num_gpu",
    "gpu_milli",
    "gpu_spec",
    "qos",
    "pod_phase",
    "creation_time",
    "deletion_time",
    "scheduled_time",
];

/// Non-empty lines with their 1-based numbers; a trailing `\r` and a leading BOM are dropped.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty())
}

fn split_row<'a>(
    line_no: usize,
    line: &'a str,
    header: &[&str],
) -> Result<Vec<&'a str>, ParseError> {
    if line.contains('"') {
        return Err(err(line_no, None, "quoted fields are not supported"));
    }
    let fields: Vec<&str> = line.split(',').collect();
    if fields.len() != header.len() {
        let column = header.get(fields.len()).or(header.last()).copied();
        let problem = if fields.len() < header.len() {
            "row is truncated"
        } else {
            "row has extra fields"
        };
        return Err(err(
            line_no,
            column,
            format!(
                "{problem}: expected {} fields, found {}",
                header.len(),
                fields.len()
            ),
        ));
    }
    Ok(fields.into_iter().map(str::trim).collect())
}

fn header_of(text: &str) -> Result<(usize, Vec<&str>, usize), ParseError> {
    let mut it = lines(text);
    let Some((line_no, header)) = it.next() else {
        return Err(err(1, None, "file is empty: expected a header row"));
    };
    let cols: Vec<&str> = header.split(',').map(str::trim).collect();
    let n = cols.len();
    Ok((line_no, cols, n))
}

fn uint(line: usize, column: &str, value: &str, max: u64) -> Result<u64, ParseError> {
    if value.is_empty() {
        return Err(err(line, Some(column), "value is empty"));
    }
    if value.starts_with('-') {
        return Err(err(
            line,
            Some(column),
            format!("value {value:?} is negative"),
        ));
    }
    let n: u64 = value.parse().map_err(|_| {
        err(
            line,
            Some(column),
            format!("expected a non-negative integer, found {value:?}"),
        )
    })?;
    if n > max {
        return Err(err(
            line,
            Some(column),
            format!("value {n} is larger than the limit {max}"),
        ));
    }
    Ok(n)
}

fn opt_uint(line: usize, column: &str, value: &str) -> Result<Option<u64>, ParseError> {
    if value.is_empty() || value.eq_ignore_ascii_case("nan") {
        Ok(None)
    } else {
        uint(line, column, value, MAX_TRACE_SECONDS).map(Some)
    }
}

/// Parses a node list (`sn,cpu_milli,memory_mib,gpu,model`).
pub fn parse_nodes(text: &str) -> Result<Vec<NodeSpec>, ParseError> {
    let (header_line, cols, _) = header_of(text)?;
    if cols != NODE_HEADER {
        return Err(err(
            header_line,
            None,
            format!(
                "wrong header {:?}: expected {:?}",
                cols.join(","),
                NODE_HEADER.join(",")
            ),
        ));
    }
    let mut nodes = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for (line_no, line) in lines(text).skip(1) {
        let f = split_row(line_no, line, &NODE_HEADER)?;
        let name = f[0];
        if name.is_empty() {
            return Err(err(line_no, Some("sn"), "node name is empty"));
        }
        if !names.insert(name.to_owned()) {
            return Err(err(
                line_no,
                Some("sn"),
                format!("duplicate node name {name:?}"),
            ));
        }
        let cpu_milli = uint(line_no, "cpu_milli", f[1], MAX_CPU_MILLI)?;
        let memory_mib = uint(line_no, "memory_mib", f[2], MAX_MEMORY_MIB)?;
        let gpus = uint(line_no, "gpu", f[3], u64::from(MAX_GPUS_PER_NODE))? as u32;
        let model = if f[4].eq_ignore_ascii_case("nan") {
            ""
        } else {
            f[4]
        };
        if gpus > 0 && model.is_empty() {
            return Err(err(line_no, Some("model"), "a GPU node needs a model"));
        }
        if model.contains('|') {
            return Err(err(
                line_no,
                Some("model"),
                "a node has one model; '|' is not allowed",
            ));
        }
        nodes.push(NodeSpec {
            name: name.to_owned(),
            cpu_milli,
            memory_mib,
            gpus,
            model: if gpus > 0 {
                model.to_owned()
            } else {
                String::new()
            },
        });
    }
    if !nodes.iter().any(|n| n.gpus > 0) {
        let line = lines(text).last().map_or(header_line, |(l, _)| l);
        return Err(err(
            line,
            Some("gpu"),
            "no node has a GPU: the simulator needs at least one GPU node",
        ));
    }
    Ok(nodes)
}

/// Splits a `gpu_spec` value: `nan` or empty means any model; `|`-separated names are deduplicated.
pub fn parse_gpu_spec(value: &str) -> Vec<String> {
    if value.eq_ignore_ascii_case("nan") {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for part in value.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        if !out.iter().any(|m| m == part) {
            out.push(part.to_owned());
        }
    }
    out
}

/// Parses a pod list with either the 5-column or the 11-column header.
pub fn parse_pods(text: &str) -> Result<Vec<PodSpec>, ParseError> {
    let (header_line, cols, n) = header_of(text)?;
    let header: &[&str] = if cols == POD_HEADER_FULL {
        &POD_HEADER_FULL
    } else if cols == POD_HEADER_SHORT {
        &POD_HEADER_SHORT
    } else {
        return Err(err(
            header_line,
            None,
            format!(
                "wrong header {:?} ({n} columns): expected {:?} or {:?}",
                cols.join(","),
                POD_HEADER_SHORT.join(","),
                POD_HEADER_FULL.join(",")
            ),
        ));
    };
    let full = header.len() == POD_HEADER_FULL.len();
    let mut pods = Vec::new();
    for (line_no, line) in lines(text).skip(1) {
        let f = split_row(line_no, line, header)?;
        if f[0].is_empty() {
            return Err(err(line_no, Some("name"), "pod name is empty"));
        }
        let cpu_milli = uint(line_no, "cpu_milli", f[1], MAX_CPU_MILLI)?;
        let memory_mib = uint(line_no, "memory_mib", f[2], MAX_MEMORY_MIB)?;
        let num_gpu = uint(line_no, "num_gpu", f[3], u64::from(MAX_GPUS_PER_NODE))? as u32;
        let gpu_milli = uint(line_no, "gpu_milli", f[4], u64::from(MILLI_PER_GPU))? as u32;
        if num_gpu == 0 && gpu_milli != 0 {
            return Err(err(
                line_no,
                Some("gpu_milli"),
                format!("a pod with num_gpu 0 must have gpu_milli 0, found {gpu_milli}"),
            ));
        }
        if num_gpu > 0 && gpu_milli == 0 {
            return Err(err(
                line_no,
                Some("gpu_milli"),
                "a GPU pod needs gpu_milli of 1 to 1000",
            ));
        }
        if num_gpu > 1 && gpu_milli < MILLI_PER_GPU {
            return Err(err(
                line_no,
                Some("gpu_milli"),
                format!(
                    "a pod asking for {num_gpu} GPUs must take whole GPUs (1000), found {gpu_milli}"
                ),
            ));
        }
        let mut pod = PodSpec {
            name: f[0].to_owned(),
            cpu_milli,
            memory_mib,
            num_gpu,
            gpu_milli,
            ..PodSpec::default()
        };
        if full {
            pod.gpu_spec = parse_gpu_spec(f[5]);
            pod.creation_time = opt_uint(line_no, "creation_time", f[8])?;
            pod.deletion_time = opt_uint(line_no, "deletion_time", f[9])?;
            opt_uint(line_no, "scheduled_time", f[10])?;
        }
        pods.push(pod);
    }
    if pods.is_empty() {
        return Err(err(
            header_line + 1,
            None,
            "the pod list has a header but no pods",
        ));
    }
    Ok(pods)
}

/// The workload name used in reports: the file stem without `openb_pod_list_`.
pub fn workload_name(path_or_name: &str) -> String {
    let base = path_or_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path_or_name);
    let stem = base.strip_suffix(".csv").unwrap_or(base);
    stem.strip_prefix("openb_pod_list_")
        .unwrap_or(stem)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODES: &str =
        "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,2,P100\nn1,96000,393216,8,G2\n";

    #[test]
    fn nodes_parse() {
        let n = parse_nodes(NODES).unwrap();
        assert_eq!(n.len(), 2);
        assert_eq!(n[1].gpus, 8);
        assert_eq!(n[1].model, "G2");
    }

    #[test]
    fn pods_full_and_short() {
        let full = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\r\n\
p0,12000,16384,1,1000,,LS,Running,0,125,0\r\n\
p1,6000,12288,1,460,V100M16|V100M32|V100M32,LS,Pending,4,12,\r\n\
p2,6000,12288,0,0,nan,BE,Failed,4,12,\r\n";
        let p = parse_pods(full).unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!(
            p[1].gpu_spec,
            vec!["V100M16".to_owned(), "V100M32".to_owned()]
        );
        assert!(p[2].gpu_spec.is_empty());
        assert_eq!(p[0].deletion_time, Some(125));
        let short = "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np0,1000,0,8,1000\n";
        let p = parse_pods(short).unwrap();
        assert_eq!(p[0].num_gpu, 8);
        assert_eq!(p[0].creation_time, None);
    }

    #[test]
    fn errors_name_row_and_column() {
        let e =
            parse_pods("name,cpu_milli,memory_mib,num_gpu,gpu_milli\np0,-5,0,0,0\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.column.as_deref(), Some("cpu_milli"));
        assert!(e.to_string().contains("negative"));

        let e =
            parse_pods("name,cpu_milli,memory_mib,num_gpu,gpu_milli\np0,abc,0,0,0\n").unwrap_err();
        assert!(e.to_string().contains("line 2, column cpu_milli"));

        let e =
            parse_pods("name,cpu_milli,memory_mib,num_gpu,gpu_milli\np0,1000,0,1\n").unwrap_err();
        assert_eq!(e.column.as_deref(), Some("gpu_milli"));
        assert!(e.message.contains("truncated"));

        let e = parse_pods("name,cpu,memory_mib,num_gpu,gpu_milli\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("wrong header"));

        let e = parse_nodes("sn,cpu_milli,memory_mib,gpu,model\nn0,1,1,2,\n").unwrap_err();
        assert_eq!(e.column.as_deref(), Some("model"));

        let e =
            parse_pods("name,cpu_milli,memory_mib,num_gpu,gpu_milli\np,1,1,2,500\n").unwrap_err();
        assert!(e.message.contains("whole GPUs"));
        assert!(parse_pods("").is_err());
    }

    #[test]
    fn workload_names() {
        assert_eq!(workload_name("/a/b/openb_pod_list_default.csv"), "default");
        assert_eq!(workload_name("mine.csv"), "mine");
    }
}
