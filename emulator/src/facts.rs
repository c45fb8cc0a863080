//! The facts each request is checked against: for every endpoint the emulator serves, the
//! params the official Node SDK of an API version types (names, nesting, scalar kinds, enum
//! values, required and clearable params), generated into `facts/` by `facts/gen/gen.mjs`.
//!
//! Which facts a request gets is decided here from its `Stripe-Version`; walking a request
//! against them is `validate`'s job, and the rules the SDK types do not carry (bounds,
//! integer-ness, one-of rules) are `rules`'.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::version::{ApiDate, ApiVersion};

/// One node of a params schema, as `facts/gen/gen.mjs` writes it.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct Node {
    pub(crate) kind: Kind,
    /// An object's params.
    #[serde(default)]
    pub(crate) props: BTreeMap<String, Node>,
    /// An array's items.
    #[serde(default)]
    pub(crate) items: Option<Box<Node>>,
    /// An enum's values.
    #[serde(default)]
    pub(crate) values: Vec<String>,
    /// A union's alternatives (`created`: a timestamp or a range).
    #[serde(default)]
    pub(crate) variants: Vec<Node>,
    /// A map's values, when they are not plain strings (`currency_options`).
    #[serde(default)]
    pub(crate) values_node: Option<Box<Node>>,
    #[serde(default)]
    pub(crate) optional: bool,
    /// The SDK types `''` as a value: sending it empty clears the param.
    #[serde(default)]
    pub(crate) emptyable: bool,
    /// The SDK types `null` as a value, which params only do through `Emptyable<T>`
    /// (`null | '' | T`). For a string the `''` is absorbed into `string`, so the facts mark
    /// only this (`payment_intent_data[description]`, "Pass an empty string to clear").
    #[serde(default)]
    pub(crate) nullable: bool,
}

impl Node {
    /// Whether sending the param empty clears it: an `Emptyable<T>`, strings included.
    pub(crate) fn clearable(&self) -> bool {
        self.emptyable || (self.kind == Kind::String && self.nullable)
    }
}

/// What a node holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Kind {
    Object,
    Array,
    Enum,
    String,
    Number,
    Boolean,
    Map,
    Decimal,
    Union,
}

/// An endpoint the emulator serves, named as in the facts files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Operation {
    CreateSession,
    UpdateSession,
    RetrieveSession,
    ListSessions,
    ListLineItems,
    ExpireSession,
    CreateCoupon,
    UpdateCoupon,
    RetrieveCoupon,
    ListCoupons,
    DeleteCoupon,
    CreatePromotionCode,
    UpdatePromotionCode,
    RetrievePromotionCode,
    ListPromotionCodes,
    /// `GET /v1/shipping_rates/{id}`, outside the facts files (see [`Facts::params`]).
    RetrieveShippingRate,
    /// `GET /v1/events/{id}`, outside the facts files.
    RetrieveEvent,
    /// `GET /v1/events`, outside the facts files.
    ListEvents,
}

impl Operation {
    #[cfg(test)]
    pub(crate) const ALL: [Operation; 18] = [
        Operation::CreateSession,
        Operation::UpdateSession,
        Operation::RetrieveSession,
        Operation::ListSessions,
        Operation::ListLineItems,
        Operation::ExpireSession,
        Operation::CreateCoupon,
        Operation::UpdateCoupon,
        Operation::RetrieveCoupon,
        Operation::ListCoupons,
        Operation::DeleteCoupon,
        Operation::CreatePromotionCode,
        Operation::UpdatePromotionCode,
        Operation::RetrievePromotionCode,
        Operation::ListPromotionCodes,
        Operation::RetrieveShippingRate,
        Operation::RetrieveEvent,
        Operation::ListEvents,
    ];

    /// The target's name in the facts files.
    pub(crate) fn target(self) -> &'static str {
        match self {
            Operation::CreateSession => "create",
            Operation::UpdateSession => "update",
            Operation::RetrieveSession => "retrieve",
            Operation::ListSessions => "list",
            Operation::ListLineItems => "list_line_items",
            Operation::ExpireSession => "expire",
            Operation::CreateCoupon => "coupon_create",
            Operation::UpdateCoupon => "coupon_update",
            Operation::RetrieveCoupon => "coupon_retrieve",
            Operation::ListCoupons => "coupon_list",
            Operation::DeleteCoupon => "coupon_delete",
            Operation::CreatePromotionCode => "promotion_code_create",
            Operation::UpdatePromotionCode => "promotion_code_update",
            Operation::RetrievePromotionCode => "promotion_code_retrieve",
            Operation::ListPromotionCodes => "promotion_code_list",
            Operation::RetrieveShippingRate => "shipping_rate_retrieve",
            Operation::RetrieveEvent => "event_retrieve",
            Operation::ListEvents => "event_list",
        }
    }
}

/// One facts file: the SDK it was read from and each operation's params.
#[derive(Debug, Deserialize)]
pub(crate) struct Facts {
    pub(crate) sdk: String,
    pub(crate) targets: BTreeMap<String, Node>,
}

impl Facts {
    /// The params of `operation`. Every file has every target (a test checks) but a shipping
    /// rate's retrieve, which the facts files were not generated for: like every retrieve in
    /// Stripe's API reference, it takes only `expand`, in every version.
    pub(crate) fn params(&self, operation: Operation) -> &Node {
        match operation {
            Operation::RetrieveShippingRate | Operation::RetrieveEvent => return expand_only(),
            Operation::ListEvents => return event_list(),
            _ => {}
        }
        self.targets
            .get(operation.target())
            .expect("every facts file has every target")
    }
}

/// The params of a retrieve: `expand`, a list of strings.
fn expand_only() -> &'static Node {
    static NODE: OnceLock<Node> = OnceLock::new();
    NODE.get_or_init(|| {
        let schema = r#"{"kind": "object", "props": {
            "expand": {"kind": "array", "optional": true, "items": {"kind": "string"}}}}"#;
        serde_json::from_str(schema).expect("the retrieve schema parses")
    })
}

/// The params of `GET /v1/events`, as stripe-node's `EventListParams` has them in every
/// version the facts files cover (`created`, `delivery_success`, `type`, `types`, the page).
fn event_list() -> &'static Node {
    static NODE: OnceLock<Node> = OnceLock::new();
    NODE.get_or_init(|| {
        let schema = r#"{"kind": "object", "props": {
            "created": {"kind": "union", "optional": true, "variants": [
                {"kind": "object", "props": {
                    "gt": {"kind": "number", "optional": true},
                    "gte": {"kind": "number", "optional": true},
                    "lt": {"kind": "number", "optional": true},
                    "lte": {"kind": "number", "optional": true}}},
                {"kind": "number"}]},
            "delivery_success": {"kind": "boolean", "optional": true},
            "ending_before": {"kind": "string", "optional": true},
            "expand": {"kind": "array", "optional": true, "items": {"kind": "string"}},
            "limit": {"kind": "number", "optional": true},
            "starting_after": {"kind": "string", "optional": true},
            "type": {"kind": "string", "optional": true},
            "types": {"kind": "array", "optional": true, "items": {"kind": "string"}}}}"#;
        serde_json::from_str(schema).expect("the event list schema parses")
    })
}

/// A checked-in facts file, with its version's date and kind written out so that choosing a
/// file parses none: a request parses only the file it is checked against.
struct FactsFile {
    api_version: &'static str,
    date: ApiDate,
    preview: bool,
    json: &'static str,
}

/// The facts files, oldest first, as `facts/index.json` lists them (a test checks).
const FILES: [FactsFile; 7] = [
    FactsFile {
        api_version: "2025-03-31.basil",
        date: ApiDate::new(2025, 3, 31),
        preview: false,
        json: include_str!("../facts/2025-03-31.basil.json"),
    },
    FactsFile {
        api_version: "2025-09-30.clover",
        date: ApiDate::new(2025, 9, 30),
        preview: false,
        json: include_str!("../facts/2025-09-30.clover.json"),
    },
    FactsFile {
        api_version: "2025-12-15.clover",
        date: ApiDate::new(2025, 12, 15),
        preview: false,
        json: include_str!("../facts/2025-12-15.clover.json"),
    },
    FactsFile {
        api_version: "2026-03-25.dahlia",
        date: ApiDate::new(2026, 3, 25),
        preview: false,
        json: include_str!("../facts/2026-03-25.dahlia.json"),
    },
    FactsFile {
        api_version: "2026-08-26.preview",
        date: ApiDate::new(2026, 8, 26),
        preview: true,
        json: include_str!("../facts/2026-08-26.preview.json"),
    },
    FactsFile {
        api_version: "2026-09-30.endive",
        date: ApiDate::new(2026, 9, 30),
        preview: false,
        json: include_str!("../facts/2026-09-30.endive.json"),
    },
    FactsFile {
        api_version: "2026-10-28.endive",
        date: ApiDate::new(2026, 10, 28),
        preview: false,
        json: include_str!("../facts/2026-10-28.endive.json"),
    },
];

/// Each file parsed on first use.
fn file(i: usize) -> &'static Facts {
    static PARSED: [OnceLock<Facts>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];
    PARSED[i].get_or_init(|| {
        let listed = &FILES[i];
        serde_json::from_str(listed.json)
            .unwrap_or_else(|e| panic!("the facts of {} do not parse: {e}", listed.api_version))
    })
}

/// The facts a request of `version` is checked against.
///
/// - A generally available version gets the newest GA facts dated on or before it (the
///   oldest, basil's, for anything older: the emulator does not model earlier versions).
/// - A preview version (a `.preview` release or a beta flag) dated on or after the preview
///   SDK's pin gets the preview SDK's facts; an older one, or a GA version with a beta flag
///   (the guide's `2025-03-31.basil; checkout_server_update_beta=v1`), gets its GA facts
///   with the params only the preview SDK has added (see [`with_preview_params`]).
pub(crate) fn for_version(version: &ApiVersion) -> &'static Facts {
    static MERGED: OnceLock<std::sync::Mutex<Vec<(usize, &'static Facts)>>> = OnceLock::new();
    let date = version.date();
    let ga = (0..FILES.len())
        .rev()
        .find(|&i| !FILES[i].preview && FILES[i].date <= date)
        .unwrap_or(0);
    if !version.is_preview() {
        return file(ga);
    }
    let preview = (0..FILES.len())
        .find(|&i| FILES[i].preview)
        .expect("a preview facts file is checked in");
    if date >= FILES[preview].date && FILES[ga].date <= FILES[preview].date {
        return file(preview);
    }
    let cache = MERGED.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, facts)) = cache.iter().find(|(i, _)| *i == ga) {
        return facts;
    }
    // A handful of files at most, each merged once for the life of the process.
    let mut facts = with_preview_params(file(ga), file(preview));
    add_early_preview_params(&mut facts, FILES[ga].date);
    let merged: &'static Facts = Box::leak(Box::new(facts));
    cache.push((ga, merged));
    merged
}

/// Params a preview release had before the GA release the newest facts file of it is from,
/// newer than the preview SDK's pin: (the preview's date, target, param). Update-time
/// `payment_intent_data` is "first in 2026-09-30.preview" and generally available in
/// 2026-10-28.endive (the endive changelogs), so a preview version from 2026-09-30 takes it
/// though `stripe@22.7.0-beta.1` (2026-08-26) does not type it.
const EARLY_PREVIEW_PARAMS: [(ApiDate, &str, &str); 1] =
    [(ApiDate::new(2026, 9, 30), "update", "payment_intent_data")];

/// Adds to the facts of a preview version whose GA base is dated `base` the
/// [`EARLY_PREVIEW_PARAMS`] its date has, as the oldest GA facts file that types them does.
fn add_early_preview_params(facts: &mut Facts, base: ApiDate) {
    for (since, target, param) in EARLY_PREVIEW_PARAMS {
        if base < since {
            continue;
        }
        let typed = (0..FILES.len())
            .filter(|&i| !FILES[i].preview)
            .find_map(|i| file(i).targets.get(target)?.props.get(param));
        if let (Some(node), Some(into)) = (typed, facts.targets.get_mut(target)) {
            into.props
                .entry(param.to_owned())
                .or_insert_with(|| node.clone());
        }
    }
}

/// `ga` with the Checkout Session params `preview` has and `ga` lacks, at any depth. Params
/// both have keep `ga`'s facts (its enum values and required params), so a beta flag adds the
/// preview's features without moving the version's other rules.
pub(crate) fn with_preview_params(ga: &Facts, preview: &Facts) -> Facts {
    fn merge(into: &mut Node, extra: &Node) {
        if into.kind != extra.kind {
            return;
        }
        match into.kind {
            Kind::Object => {
                for (name, node) in &extra.props {
                    match into.props.get_mut(name) {
                        Some(existing) => merge(existing, node),
                        // Optional: a param the version requires instead (basil's `coupon`
                        // for clover's `promotion`) must still be enough.
                        None => {
                            let mut added = node.clone();
                            added.optional = true;
                            into.props.insert(name.clone(), added);
                        }
                    }
                }
            }
            Kind::Array => {
                if let (Some(items), Some(extra)) = (into.items.as_mut(), extra.items.as_ref()) {
                    merge(items, extra);
                }
            }
            _ => {}
        }
    }
    let mut targets = ga.targets.clone();
    // The beta flags the emulator knows are Checkout's (`checkout_server_update_beta`): the
    // coupon and promotion code endpoints keep the version's own params.
    let checkout =
        |name: &str| !name.starts_with("coupon_") && !name.starts_with("promotion_code_");
    for (name, node) in targets.iter_mut().filter(|(name, _)| checkout(name)) {
        if let Some(extra) = preview.targets.get(name) {
            merge(node, extra);
        }
    }
    Facts {
        sdk: format!("{} + {}", ga.sdk, preview.sdk),
        targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct IndexEntry {
        api_version: String,
        preview: bool,
    }

    #[test]
    fn the_index_lists_exactly_the_included_files_and_each_has_every_target() {
        let index: Vec<IndexEntry> =
            serde_json::from_str(include_str!("../facts/index.json")).unwrap();
        let listed: Vec<&str> = index.iter().map(|e| e.api_version.as_str()).collect();
        let included: Vec<&str> = FILES.iter().map(|f| f.api_version).collect();
        let mut sorted = listed.clone();
        sorted.sort_by_key(|v| ApiVersion::parse(v).unwrap().date());
        assert_eq!(sorted, included);
        for (i, listed) in FILES.iter().enumerate() {
            let (name, facts) = (listed.api_version, file(i));
            let header: IndexEntry = serde_json::from_str(listed.json).unwrap();
            assert_eq!(header.api_version, name);
            assert_eq!(
                ApiVersion::parse(name).unwrap().date(),
                listed.date,
                "{name}"
            );
            let entry = index.iter().find(|e| e.api_version == name).unwrap();
            assert_eq!(header.preview, entry.preview, "{name}");
            assert_eq!(listed.preview, entry.preview, "{name}");
            for operation in Operation::ALL {
                assert_eq!(facts.params(operation).kind, Kind::Object, "{name}");
            }
        }
    }

    #[test]
    fn versions_get_the_facts_of_their_date() {
        let pick = |v: &str| &for_version(&ApiVersion::parse(v).unwrap()).sdk;
        assert_eq!(pick("2025-03-31.basil"), &file(0).sdk);
        assert_eq!(pick("2024-06-20"), &file(0).sdk);
        assert_eq!(pick("2025-11-17.clover"), &file(1).sdk);
        assert_eq!(pick("2025-12-15.clover"), &file(2).sdk);
        assert_eq!(pick("2026-08-26.dahlia"), &file(3).sdk);
        assert_eq!(pick("2026-08-26.preview"), &file(4).sdk);
        assert_eq!(pick("2026-10-28.endive"), &file(6).sdk);
        assert_eq!(
            pick("2025-03-31.basil; checkout_server_update_beta=v1"),
            &format!("{} + {}", file(0).sdk, file(4).sdk)
        );
    }

    #[test]
    fn update_payment_intent_data_starts_with_the_2026_09_30_preview() {
        let takes = |v: &str| {
            for_version(&ApiVersion::parse(v).unwrap())
                .params(Operation::UpdateSession)
                .props
                .contains_key("payment_intent_data")
        };
        assert!(!takes("2026-08-26.preview"));
        assert!(!takes("2026-09-01.preview"));
        assert!(!takes("2026-09-30.endive"));
        assert!(takes("2026-09-30.preview"));
        assert!(takes("2026-10-28.endive"));
        assert!(takes("2026-11-15.preview"));
        // The preview's own update params stay.
        let preview = for_version(&ApiVersion::parse("2026-09-30.preview").unwrap());
        assert!(
            preview
                .params(Operation::UpdateSession)
                .props
                .contains_key("subscription_data")
        );
    }

    #[test]
    fn a_beta_flag_adds_the_preview_params_and_keeps_the_rest() {
        let basil = for_version(&ApiVersion::parse("2025-03-31.basil").unwrap());
        let beta = for_version(
            &ApiVersion::parse("2025-03-31.basil; checkout_server_update_beta=v1").unwrap(),
        );
        let update = |f: &'static Facts| f.params(Operation::UpdateSession);
        assert!(!update(basil).props.contains_key("discounts"));
        assert!(update(beta).props.contains_key("discounts"));
        let ui_mode = |f: &'static Facts| {
            f.params(Operation::CreateSession).props["ui_mode"]
                .values
                .clone()
        };
        assert_eq!(ui_mode(beta), ui_mode(basil));
    }
}
