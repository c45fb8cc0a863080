//! [`QuantityLimits`]: the shopper's quantity changes, made by your server — each line held to
//! a maximum and to what your [`Inventory`] says is in stock.

use std::collections::HashMap;

use async_trait::async_trait;

use crate::updates::{
    CartLine, Changes, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest,
};

/// How many units of a line your systems can sell now: the hook [`QuantityLimits`] asks.
///
/// Implemented for a map from price or product id to units in stock (a line whose price and
/// product are both absent from the map is unlimited), and for closures through
/// [`inventory_fn`].
#[async_trait]
pub trait Inventory: Send + Sync {
    /// Units of `line` available, `None` for no limit.
    ///
    /// # Errors
    /// A [`Rejection`] when stock cannot be read; nothing is sent.
    async fn available(&self, line: &CartLine) -> Result<Option<u64>, Rejection>;
}

#[async_trait]
impl Inventory for HashMap<String, u64> {
    async fn available(&self, line: &CartLine) -> Result<Option<u64>, Rejection> {
        let by_price = line.price_id().and_then(|p| self.get(p.as_str()));
        Ok(by_price
            .or_else(|| line.product().and_then(|p| self.get(p)))
            .copied())
    }
}

/// An [`Inventory`] from a closure: made by [`inventory_fn`].
#[derive(Clone, Copy)]
pub struct InventoryFn<F>(F);

impl<F> std::fmt::Debug for InventoryFn<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InventoryFn")
    }
}

/// An [`Inventory`] that asks `available` for each line.
pub fn inventory_fn<F>(available: F) -> InventoryFn<F>
where
    F: Fn(&CartLine) -> Option<u64> + Send + Sync,
{
    InventoryFn(available)
}

#[async_trait]
impl<F> Inventory for InventoryFn<F>
where
    F: Fn(&CartLine) -> Option<u64> + Send + Sync,
{
    async fn available(&self, line: &CartLine) -> Result<Option<u64>, Rejection> {
        Ok((self.0)(line))
    }
}

/// Changes a line's quantity when the shopper asks, within limits (Stripe's "adjustable
/// line-item quantities" and "inventory checks" use cases: with
/// `permissions[update_line_items]=server_only` the page cannot change quantities itself).
///
/// The request names the line and the quantity it wants:
/// `{"checkout_session_id": …, "line_item": "li_…", "quantity": 3}`; a quantity of 0 removes
/// the line. Then every line of the cart is held to the limits:
///
/// - the line asked for must be on the session, at most [`max_per_line`](Self::max_per_line)
///   units, and at most what the [`Inventory`] has: otherwise the request is refused, with a
///   message the shopper may read, and nothing is sent;
/// - any other line over what the inventory has is lowered to it (removed at 0), so a stock
///   change since the session was created is applied with the shopper's next change. A
///   request without `line_item` does only this.
/// - the cart keeps at least one line.
///
/// ```
/// use std::collections::HashMap;
/// use stripe_checkout_client::updates::{SessionView, UpdatePolicy, UpdateRequest};
/// use stripe_checkout_client::updates::policies::QuantityLimits;
///
/// let stock = HashMap::from([("price_mug".to_owned(), 4)]);
/// let limits = QuantityLimits::new(stock).max_per_line(10);
/// let session = SessionView::from_json(serde_json::to_vec(&serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session", "currency": "usd",
///     "line_items": {"object": "list", "has_more": false, "data": [
///         {"id": "li_1", "object": "item", "quantity": 1, "amount_subtotal": 1_200, "description": "Mug",
///          "price": {"id": "price_mug", "object": "price", "unit_amount": 1_200}}
///     ]},
/// }))?)?;
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// let ask = |quantity: u64| UpdateRequest::new("cs_test_1".parse().unwrap())
///     .with_field("line_item", "li_1".into())
///     .with_field("quantity", quantity.into());
///
/// let changes = rt.block_on(limits.changes(&ask(3), &session))?;
/// assert_eq!(changes.line_items.expect("changed")[0].quantity(), 3);
///
/// let refused = rt.block_on(limits.changes(&ask(5), &session)).unwrap_err();
/// assert_eq!(refused.customer_message(), Some("Only 4 of Mug are left."));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct QuantityLimits<I> {
    inventory: I,
    max_per_line: u64,
}

impl<I: Inventory> QuantityLimits<I> {
    /// Limits from `inventory`, at most 99 units a line (Stripe's default maximum for an
    /// adjustable quantity).
    pub fn new(inventory: I) -> Self {
        Self {
            inventory,
            max_per_line: 99,
        }
    }

    /// The same limits, at most `max` units of any line.
    #[must_use]
    pub fn max_per_line(mut self, max: u64) -> Self {
        self.max_per_line = max;
        self
    }
}

#[async_trait]
impl<I: Inventory> UpdatePolicy for QuantityLimits<I> {
    fn parts(&self) -> Vec<Part> {
        vec![Part::LineItems]
    }

    async fn changes(
        &self,
        request: &UpdateRequest,
        view: &SessionView,
    ) -> Result<Changes, Rejection> {
        let asked_line = request.field::<String>("line_item")?;
        let asked_quantity = request.field::<u64>("quantity")?;
        let mut cart = view.line_items().to_vec();
        let asked = match (asked_line, asked_quantity) {
            (None, None) => None,
            (Some(id), Some(quantity)) => {
                let Some(at) = cart.iter().position(|l| l.id() == Some(id.as_str())) else {
                    return Err(Rejection::new(format!("line {id} is not on the session"))
                        .with_customer_message(
                            "That item is no longer in your cart. Please refresh the page.",
                        ));
                };
                if quantity > self.max_per_line {
                    return Err(Rejection::new(format!(
                        "{quantity} units asked of line {id}, at most {} allowed",
                        self.max_per_line
                    ))
                    .with_customer_message(format!(
                        "You can buy at most {} of an item.",
                        self.max_per_line
                    )));
                }
                let line = cart[at].clone().with_quantity(quantity);
                cart[at] = line;
                Some(at)
            }
            _ => {
                return Err(Rejection::new(
                    "a quantity change needs both `line_item` and `quantity`",
                ));
            }
        };
        let mut kept = Vec::with_capacity(cart.len());
        for (i, line) in cart.into_iter().enumerate() {
            let available = self.inventory.available(&line).await?;
            let quantity = match available {
                Some(left) if line.quantity() > left => {
                    if asked == Some(i) {
                        let name = line.name().unwrap_or("this item");
                        return Err(Rejection::new(format!(
                            "{} units asked, {left} in stock",
                            line.quantity()
                        ))
                        .with_customer_message(format!("Only {left} of {name} are left.")));
                    }
                    left
                }
                _ => line.quantity(),
            };
            if quantity > 0 {
                kept.push(line.with_quantity(quantity));
            }
        }
        if kept.is_empty() {
            return Err(Rejection::new("the cart would be empty")
                .with_customer_message("Your cart must keep at least one item."));
        }
        if kept.as_slice() == view.line_items() {
            return Ok(Changes::none());
        }
        Ok(Changes::none().line_items(kept))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn session() -> SessionView {
        SessionView::from_json(serde_json::to_vec(&json!({
            "id": "cs_test_1", "object": "checkout.session", "currency": "usd",
            "line_items": {"object": "list", "has_more": false, "data": [
                {"id": "li_mug", "object": "item", "quantity": 2, "amount_subtotal": 2_400, "description": "Mug",
                 "price": {"id": "price_mug", "object": "price", "unit_amount": 1_200, "product": "prod_mug"}},
                {"id": "li_tea", "object": "item", "quantity": 3, "amount_subtotal": 2_400, "description": "Tea",
                 "price": {"id": "price_tea", "object": "price", "unit_amount": 800}},
            ]},
        })).unwrap())
        .unwrap()
    }

    fn run<I: Inventory>(
        limits: &QuantityLimits<I>,
        asked: Option<(&str, u64)>,
    ) -> Result<Option<Vec<(String, u64)>>, Rejection> {
        let mut request = UpdateRequest::new("cs_test_1".parse().unwrap());
        if let Some((line, quantity)) = asked {
            request = request
                .with_field("line_item", json!(line))
                .with_field("quantity", json!(quantity));
        }
        let s = session();
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let changes = rt.block_on(limits.changes(&request, &s))?;
        Ok(changes.line_items.map(|lines| {
            lines
                .iter()
                .map(|l| (l.id().unwrap_or("new").to_owned(), l.quantity()))
                .collect()
        }))
    }

    #[test]
    fn a_quantity_up_to_the_maximum_and_the_stock_is_taken() {
        let unlimited = QuantityLimits::new(HashMap::new()).max_per_line(5);
        assert_eq!(
            run(&unlimited, Some(("li_mug", 5))).unwrap(),
            Some(vec![("li_mug".into(), 5), ("li_tea".into(), 3)])
        );
        let refused = run(&unlimited, Some(("li_mug", 6))).unwrap_err();
        assert_eq!(
            refused.customer_message(),
            Some("You can buy at most 5 of an item.")
        );
        // Exactly what is in stock (by product here) is fine.
        let stock = QuantityLimits::new(HashMap::from([("prod_mug".to_owned(), 4)]));
        assert_eq!(
            run(&stock, Some(("li_mug", 4))).unwrap(),
            Some(vec![("li_mug".into(), 4), ("li_tea".into(), 3)])
        );
        assert!(run(&stock, Some(("li_mug", 5))).is_err());
        // The same quantity again changes nothing.
        assert_eq!(run(&stock, Some(("li_mug", 2))).unwrap(), None);
    }

    #[test]
    fn without_an_ask_only_the_stock_is_applied() {
        let plenty = QuantityLimits::new(inventory_fn(|_| Some(3)));
        assert_eq!(format!("{:?}", inventory_fn(|_| None)), "InventoryFn");
        assert_eq!(
            run(&plenty, None).unwrap(),
            None,
            "3 teas is what is in stock"
        );
        let short = QuantityLimits::new(inventory_fn(|line: &CartLine| {
            (line.id() == Some("li_tea")).then_some(1)
        }));
        assert_eq!(
            run(&short, None).unwrap(),
            Some(vec![("li_mug".into(), 2), ("li_tea".into(), 1)])
        );
        let gone = QuantityLimits::new(inventory_fn(|line: &CartLine| {
            (line.id() == Some("li_tea")).then_some(0)
        }));
        assert_eq!(run(&gone, None).unwrap(), Some(vec![("li_mug".into(), 2)]));
        let none_left = QuantityLimits::new(inventory_fn(|_| Some(0)));
        let refused = run(&none_left, None).unwrap_err();
        assert_eq!(
            refused.customer_message(),
            Some("Your cart must keep at least one item.")
        );
    }

    #[test]
    fn an_ask_must_name_a_line_of_the_session_and_a_quantity() {
        let limits = QuantityLimits::new(HashMap::new());
        let gone = run(&limits, Some(("li_other", 1))).unwrap_err();
        assert!(
            gone.customer_message()
                .unwrap()
                .starts_with("That item is no longer")
        );
        let s = session();
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let half =
            UpdateRequest::new("cs_test_1".parse().unwrap()).with_field("quantity", json!(2));
        assert!(rt.block_on(limits.changes(&half, &s)).is_err());
        assert_eq!(
            run(&limits, Some(("li_tea", 0))).unwrap(),
            Some(vec![("li_mug".into(), 2)])
        );
    }
}
