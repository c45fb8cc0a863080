//! After criterion has run a bench, prints each measured item as a ratio of the baseline it
//! was measured beside in the same run, read from criterion's saved estimates. The benches
//! themselves live in `benches/*.rs`.

use std::fs;
use std::path::PathBuf;
use std::time::SystemTime;

/// A bench's `main`: runs `benches` (a `criterion_group!`) as `criterion_main!` would, then
/// prints [`print_ratios`] for `group`.
pub fn main(benches: fn(), group: &str, pairs: &[(&str, &str)]) {
    let started = SystemTime::now();
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
    print_ratios(started, group, pairs);
}

/// Prints `item ÷ baseline` for each pair of bench names in `group` that ran in this process
/// (one started at `started`); pairs filtered out of this run are skipped rather than read
/// from an earlier run.
fn print_ratios(started: SystemTime, group: &str, pairs: &[(&str, &str)]) {
    for (item, baseline) in pairs {
        if let (Some(a), Some(b)) = (
            mean_ns(started, group, item),
            mean_ns(started, group, baseline),
        ) {
            println!(
                "ratio {group}: {item} / {baseline} = {:.2}x ({} vs {})",
                a / b,
                human(a),
                human(b)
            );
        }
    }
}

/// The time per iteration of `group/function` in nanoseconds, if criterion saved it after
/// `started`.
fn mean_ns(started: SystemTime, group: &str, function: &str) -> Option<f64> {
    let path = criterion_home()
        .join(filename_safe(group))
        .join(filename_safe(function))
        .join("new")
        .join("estimates.json");
    if fs::metadata(&path).ok()?.modified().ok()? < started {
        return None;
    }
    let estimates: serde_json::Value = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
    // The slope is the estimate criterion prints as `time:`; it has none for flat sampling.
    estimates["slope"]["point_estimate"]
        .as_f64()
        .or_else(|| estimates["mean"]["point_estimate"].as_f64())
}

/// Where criterion saves its results, found as criterion finds it (minus asking `cargo
/// metadata`: benches run from the package root, where `target/` is).
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        PathBuf::from(home)
    } else if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        PathBuf::from(target).join("criterion")
    } else {
        PathBuf::from("target/criterion")
    }
}

/// A bench name as criterion names its directory.
fn filename_safe(name: &str) -> String {
    name.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_")
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}
