//! What a session holds that its `checkout.session` object does not show: the
//! `subscription_data` (its trial above all) and `payment_intent_data` a create or an update
//! set, and the preview's `automatic_tax` and `invoice_creation` settings an update set.
//! Stripe passes these on to the subscription or PaymentIntent it makes when the session
//! completes; the emulator makes neither, so it keeps them for tests to read back with
//! [`FakeStripe::session_settings`](crate::FakeStripe::session_settings) or
//! `GET /_fake/sessions/{id}/settings`.
//!
//! Whether an update may set them is `update_rules`'.

use serde_json::{Map, Value, json};

/// Settings kept as sent, each an object of params.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct HeldSettings {
    pub(crate) subscription_data: Map<String, Value>,
    pub(crate) payment_intent_data: Map<String, Value>,
    pub(crate) automatic_tax: Map<String, Value>,
    pub(crate) invoice_creation: Map<String, Value>,
}

impl HeldSettings {
    /// What a create's checked `params` set.
    pub(crate) fn from_create(params: &Value) -> Self {
        let object = |key: &str| match params.get(key) {
            Some(Value::Object(map)) => map.clone(),
            _ => Map::new(),
        };
        HeldSettings {
            subscription_data: object("subscription_data"),
            payment_intent_data: object("payment_intent_data"),
            automatic_tax: Map::new(),
            invoice_creation: Map::new(),
        }
    }

    /// Applies an update's `subscription_data`. A subscription has one trial: setting
    /// `trial_end` drops `trial_period_days` and the other way round (an update may not send
    /// both, `update_rules` checks).
    pub(crate) fn update_subscription_data(&mut self, update: &Value) {
        let Value::Object(update) = update else {
            return;
        };
        if update.contains_key("trial_end") {
            self.subscription_data.remove("trial_period_days");
        }
        if update.get("trial_period_days").is_some_and(|v| v != "") {
            self.subscription_data.remove("trial_end");
        }
        merge(&mut self.subscription_data, update);
    }

    /// Applies an update's `payment_intent_data`, `automatic_tax` or `invoice_creation`.
    pub(crate) fn update(target: &mut Map<String, Value>, update: &Value) {
        if let Value::Object(update) = update {
            merge(target, update);
        }
    }

    /// `{"subscription_data": {…}, "payment_intent_data": {…}, "automatic_tax": {…},
    /// "invoice_creation": {…}}`, each `{}` when nothing was set.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "subscription_data": self.subscription_data,
            "payment_intent_data": self.payment_intent_data,
            "automatic_tax": self.automatic_tax,
            "invoice_creation": self.invoice_creation,
        })
    }
}

/// Stripe's update semantics over kept params: an empty value clears its param; `metadata`
/// merges key by key (an empty value removes its key); anything else replaces what was there.
fn merge(target: &mut Map<String, Value>, update: &Map<String, Value>) {
    for (key, value) in update {
        match value {
            Value::String(s) if s.is_empty() => {
                target.remove(key);
            }
            Value::Object(entries) if key == "metadata" => {
                let kept = target
                    .entry(key.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(kept) = kept {
                    for (k, v) in entries {
                        if v == "" {
                            kept.remove(k);
                        } else {
                            kept.insert(k.clone(), v.clone());
                        }
                    }
                }
            }
            _ => {
                target.insert(key.clone(), value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trial_is_one_of_an_end_or_a_number_of_days() {
        let mut held = HeldSettings::from_create(&json!({
            "subscription_data": {"trial_period_days": 7, "description": "Plan"}
        }));
        held.update_subscription_data(&json!({"trial_end": 1_900_000_000}));
        assert_eq!(
            Value::Object(held.subscription_data.clone()),
            json!({"description": "Plan", "trial_end": 1_900_000_000})
        );
        held.update_subscription_data(&json!({"trial_period_days": 14}));
        assert_eq!(
            Value::Object(held.subscription_data.clone()),
            json!({"description": "Plan", "trial_period_days": 14})
        );
        held.update_subscription_data(&json!({"trial_period_days": ""}));
        assert_eq!(
            Value::Object(held.subscription_data),
            json!({"description": "Plan"})
        );
    }

    #[test]
    fn empty_values_clear_and_metadata_merges_by_key() {
        let mut target = Map::new();
        HeldSettings::update(
            &mut target,
            &json!({"description": "Order 1", "metadata": {"a": "1", "b": "2"}}),
        );
        HeldSettings::update(
            &mut target,
            &json!({"description": "", "metadata": {"a": "", "c": "3"}, "setup_future_usage": "off_session"}),
        );
        assert_eq!(
            Value::Object(target.clone()),
            json!({"metadata": {"b": "2", "c": "3"}, "setup_future_usage": "off_session"})
        );
        HeldSettings::update(&mut target, &json!({"metadata": ""}));
        assert_eq!(
            Value::Object(target),
            json!({"setup_future_usage": "off_session"})
        );
    }
}
