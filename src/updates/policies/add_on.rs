//! [`AddOn`]: one line the shopper asks for, or earns — gift wrap, a warranty, an upsell, a
//! free gift over a cart total — added once, in the session's currency.

use async_trait::async_trait;

use crate::checkout::params::{PriceData, ProductData};
use crate::updates::{
    CartLine, Changes, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest,
};

/// Adds one line to the cart: `quantity` units of a product named `name` at `unit_amount`
/// each, priced inline in the session's currency (Stripe's "dynamically update line items"
/// and "payment amounts" guides: gift wrap, a warranty, extra services, an upsell).
///
/// The line is recognised by its name, so asking twice adds it once. With
/// [`when_subtotal_over`](Self::when_subtotal_over) it is a reward: added while the rest of
/// the cart is over the amount and removed when it no longer is (a free gift, at
/// `unit_amount` 0).
///
/// ```
/// use stripe_checkout_client::updates::{SessionView, UpdatePolicy, UpdateRequest};
/// use stripe_checkout_client::updates::policies::AddOn;
///
/// let session = SessionView::from_json(br#"{
///     "id": "cs_test_1", "object": "checkout.session", "currency": "usd", "amount_subtotal": 9800,
///     "line_items": {"object": "list", "has_more": false, "data": [
///         {"id": "li_1", "object": "item", "quantity": 2, "amount_subtotal": 9800,
///          "description": "Shoes", "price": {"id": "price_shoes", "object": "price", "unit_amount": 4900}}
///     ]}
/// }"#)?;
/// let request = UpdateRequest::new("cs_test_1".parse()?);
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
///
/// let changes = rt.block_on(AddOn::new("Gift wrap", 500).changes(&request, &session))?;
/// let cart = changes.line_items.expect("the cart changes");
/// assert_eq!(cart.len(), 2);
/// assert_eq!((cart[1].name(), cart[1].subtotal()), (Some("Gift wrap"), Some(500)));
///
/// // A gift over 100.00: this cart is under it, so nothing is added.
/// let gift = AddOn::new("Tote bag", 0).when_subtotal_over(10_000);
/// assert!(rt.block_on(gift.changes(&request, &session))?.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddOn {
    name: String,
    unit_amount: i64,
    quantity: u64,
    over: Option<i64>,
}

impl AddOn {
    /// One unit of `name` at `unit_amount` (in the session currency's smallest unit).
    pub fn new(name: impl Into<String>, unit_amount: i64) -> Self {
        Self {
            name: name.into(),
            unit_amount,
            quantity: 1,
            over: None,
        }
    }

    /// The same add-on, `quantity` units of it.
    #[must_use]
    pub fn quantity(mut self, quantity: u64) -> Self {
        self.quantity = quantity;
        self
    }

    /// The same add-on, present only while the rest of the cart's subtotal is strictly over
    /// `amount`: added when it is, removed when it is not.
    #[must_use]
    pub fn when_subtotal_over(mut self, amount: i64) -> Self {
        self.over = Some(amount);
        self
    }

    /// The name the line carries, by which it is recognised.
    pub fn name(&self) -> &str {
        &self.name
    }
}

#[async_trait]
impl UpdatePolicy for AddOn {
    fn parts(&self) -> Vec<Part> {
        vec![Part::LineItems]
    }

    async fn changes(&self, _: &UpdateRequest, view: &SessionView) -> Result<Changes, Rejection> {
        let cart = view.line_items();
        let ours = |line: &CartLine| line.name() == Some(self.name.as_str());
        let present = cart.iter().any(ours);
        let wanted = match self.over {
            None => true,
            Some(over) => {
                let rest = cart
                    .iter()
                    .filter(|line| !ours(line))
                    .try_fold(0i64, |sum, line| sum.checked_add(line.subtotal()?));
                rest.is_some_and(|rest| rest > over)
            }
        };
        match (present, wanted) {
            (true, true) | (false, false) => Ok(Changes::none()),
            (true, false) => {
                Ok(Changes::none().line_items(cart.iter().filter(|l| !ours(l)).cloned()))
            }
            (false, true) => {
                let currency = view.currency().ok_or_else(|| {
                    Rejection::new("the session has no currency to price the add-on in")
                })?;
                let price = PriceData::new(
                    currency,
                    self.unit_amount,
                    ProductData::new(self.name.clone()),
                );
                let mut lines = cart.to_vec();
                lines.push(CartLine::price_data(price, self.quantity));
                Ok(Changes::none().line_items(lines))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    fn session(lines: &[(&str, i64)]) -> serde_json::Value {
        let data: Vec<_> = lines
            .iter()
            .enumerate()
            .map(|(i, (name, amount))| json!({
                "id": format!("li_{i}"), "object": "item", "quantity": 1, "amount_subtotal": amount,
                "description": name, "price": {"id": format!("price_{i}"), "object": "price", "unit_amount": amount},
            }))
            .collect();
        json!({
            "id": "cs_test_1", "object": "checkout.session", "currency": "usd",
            "line_items": {"object": "list", "has_more": false, "data": data},
        })
    }

    fn view(session: &serde_json::Value) -> SessionView {
        SessionView::from_json(serde_json::to_vec(session).unwrap()).unwrap()
    }

    fn names(policy: &AddOn, session: &serde_json::Value) -> Option<Vec<String>> {
        let request = UpdateRequest::new("cs_test_1".parse().unwrap());
        let view = view(session);
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let changes = rt.block_on(policy.changes(&request, &view)).unwrap();
        changes.line_items.map(|lines| {
            lines
                .iter()
                .map(|l| l.name().unwrap_or("?").to_owned())
                .collect()
        })
    }

    #[test]
    fn an_add_on_is_added_once_in_the_sessions_currency() {
        let wrap = AddOn::new("Gift wrap", 500).quantity(2);
        assert_eq!(wrap.name(), "Gift wrap");
        let cart = session(&[("Shoes", 4_900)]);
        assert_eq!(
            names(&wrap, &cart),
            Some(vec!["Shoes".into(), "Gift wrap".into()])
        );
        let wrapped = session(&[("Shoes", 4_900), ("Gift wrap", 500)]);
        assert_eq!(names(&wrap, &wrapped), None);

        let request = UpdateRequest::new("cs_test_1".parse().unwrap());
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let changes = rt.block_on(wrap.changes(&request, &view(&cart))).unwrap();
        let added = &changes.line_items.unwrap()[1];
        assert_eq!((added.quantity(), added.subtotal()), (2, Some(1_000)));

        let mut no_currency = cart.clone();
        no_currency["currency"] = serde_json::Value::Null;
        assert!(
            rt.block_on(wrap.changes(&request, &view(&no_currency)))
                .is_err()
        );
    }

    #[test]
    fn a_reward_follows_the_rest_of_the_cart_strictly_over_its_threshold() {
        let gift = AddOn::new("Tote", 0).when_subtotal_over(5_000);
        assert_eq!(
            names(&gift, &session(&[("Shoes", 5_000)])),
            None,
            "not over at 50.00"
        );
        assert_eq!(names(&gift, &session(&[("Shoes", 4_000)])), None);
        assert_eq!(
            names(&gift, &session(&[("Shoes", 5_001)])),
            Some(vec!["Shoes".into(), "Tote".into()])
        );
        // Kept while the rest is over; removed, the rest kept, when it no longer is.
        assert_eq!(
            names(&gift, &session(&[("Shoes", 6_000), ("Tote", 0)])),
            None
        );
        assert_eq!(
            names(
                &gift,
                &session(&[("Shoes", 3_000), ("Tote", 0), ("Socks", 1_000)])
            ),
            Some(vec!["Shoes".into(), "Socks".into()])
        );
        // A priced reward does not count towards its own threshold.
        let upsell = AddOn::new("Warranty", 2_000).when_subtotal_over(5_000);
        assert_eq!(
            names(&upsell, &session(&[("Shoes", 4_000), ("Warranty", 2_000)])),
            Some(vec!["Shoes".into()])
        );
    }
}
