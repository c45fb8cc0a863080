//! [`UpgradeTrial`]: an upgrade that comes with a longer trial — one price swapped for
//! another in the cart, and the coming subscription's trial set, in one update.

use async_trait::async_trait;

use crate::ids::PriceId;
use crate::updates::{
    CartLine, Changes, Part, Rejection, SessionView, Trial, UpdatePolicy, UpdateRequest,
};

/// Swaps the cart's `from` price for `to` and gives the coming subscription a trial of
/// `trial_days` (Stripe's "dynamically update trial durations" guide: extend the trial on an
/// upsell, e.g. 7 days on the monthly plan, 14 on the yearly one). One endpoint per
/// interaction: "upgrade to yearly".
///
/// The session must be in subscription mode, and its API version must take
/// `subscription_data` on an update (a preview); the flow refuses both before sending.
/// A cart already on `to` changes nothing; a cart with neither price is refused.
///
/// ```
/// use stripe_checkout_client::updates::{SessionView, Trial, UpdatePolicy, UpdateRequest};
/// use stripe_checkout_client::updates::policies::UpgradeTrial;
///
/// let upgrade = UpgradeTrial::new("price_monthly".parse()?, "price_yearly".parse()?, 14);
/// let session = SessionView::from_json(serde_json::to_vec(&serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session", "mode": "subscription",
///     "line_items": {"object": "list", "has_more": false, "data": [
///         {"id": "li_1", "object": "item", "quantity": 1, "amount_subtotal": 900,
///          "price": {"id": "price_monthly", "object": "price", "unit_amount": 900}}
///     ]},
/// }))?)?;
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// let request = UpdateRequest::new("cs_test_1".parse()?);
/// let changes = rt.block_on(upgrade.changes(&request, &session))?;
/// assert_eq!(changes.trial, Some(Trial::Days(14)));
/// let cart = changes.line_items.expect("swapped");
/// assert_eq!(cart[0].price_id().map(|p| p.as_str()), Some("price_yearly"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpgradeTrial {
    from: PriceId,
    to: PriceId,
    to_unit_amount: Option<i64>,
    trial_days: u32,
}

impl UpgradeTrial {
    /// Swap `from` for `to`, with a trial of `trial_days`.
    pub fn new(from: PriceId, to: PriceId, trial_days: u32) -> Self {
        Self {
            from,
            to,
            to_unit_amount: None,
            trial_days,
        }
    }

    /// The same upgrade, knowing what `to` costs per unit, so the policies after it see the
    /// new subtotal.
    #[must_use]
    pub fn to_unit_amount(mut self, amount: i64) -> Self {
        self.to_unit_amount = Some(amount);
        self
    }
}

#[async_trait]
impl UpdatePolicy for UpgradeTrial {
    fn parts(&self) -> Vec<Part> {
        vec![Part::LineItems, Part::Trial]
    }

    async fn changes(&self, _: &UpdateRequest, view: &SessionView) -> Result<Changes, Rejection> {
        let cart = view.line_items();
        if cart.iter().any(|l| l.price_id() == Some(&self.to)) {
            return Ok(Changes::none());
        }
        if !cart.iter().any(|l| l.price_id() == Some(&self.from)) {
            return Err(Rejection::new(format!(
                "nothing to upgrade: the cart has neither {} nor {}",
                self.from, self.to
            )));
        }
        let lines = cart.iter().map(|line| {
            if line.price_id() != Some(&self.from) {
                return line.clone();
            }
            let upgraded = CartLine::price(self.to.clone(), line.quantity());
            match self.to_unit_amount {
                Some(amount) => upgraded.with_unit_amount(amount),
                None => upgraded,
            }
        });
        Ok(Changes::none()
            .line_items(lines.collect::<Vec<_>>())
            .trial(Trial::Days(self.trial_days)))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn cart(prices: &[&str]) -> SessionView {
        let data: Vec<_> = prices
            .iter()
            .enumerate()
            .map(|(i, price)| json!({
                "id": format!("li_{i}"), "object": "item", "quantity": 2, "amount_subtotal": 1_800,
                "price": {"id": price, "object": "price", "unit_amount": 900},
            }))
            .collect();
        let session = json!({
            "id": "cs_test_1", "object": "checkout.session", "mode": "subscription",
            "line_items": {"object": "list", "has_more": false, "data": data},
        });
        SessionView::from_json(serde_json::to_vec(&session).unwrap()).unwrap()
    }

    #[test]
    fn only_the_from_line_is_swapped_keeping_its_quantity_and_order() {
        let upgrade = UpgradeTrial::new(
            "price_monthly".parse().unwrap(),
            "price_yearly".parse().unwrap(),
            14,
        )
        .to_unit_amount(9_000);
        let request = UpdateRequest::new("cs_test_1".parse().unwrap());
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let s = cart(&["price_addon", "price_monthly"]);
        let changes = rt.block_on(upgrade.changes(&request, &s)).unwrap();
        let lines = changes.line_items.unwrap();
        assert_eq!(lines[0].id(), Some("li_0"));
        assert_eq!(
            lines[1].price_id().map(|p| p.as_str()),
            Some("price_yearly")
        );
        assert_eq!(
            (lines[1].quantity(), lines[1].subtotal()),
            (2, Some(18_000))
        );
        assert_eq!(changes.trial, Some(Trial::Days(14)));

        let done = cart(&["price_yearly"]);
        assert!(
            rt.block_on(upgrade.changes(&request, &done))
                .unwrap()
                .is_empty()
        );
        let other = cart(&["price_addon"]);
        assert!(rt.block_on(upgrade.changes(&request, &other)).is_err());
    }
}
