//! [`CartLine`]: one line of a session's cart as a policy edits it — an item the session has
//! (kept, changed or dropped) or a new one — and how the whole cart becomes Stripe's
//! whole-array `line_items` update.
//!
//! Where the cart comes from (the retrieved session) and what else a policy sees is
//! [`SessionView`](super::SessionView)'s; deciding whether the cart changed at all is the
//! flow's.

use crate::checkout::params::PriceData;
use crate::checkout::{SessionLineItem, UpdateLineItem};
use crate::ids::PriceId;
use crate::metadata::Metadata;

/// One line of the cart a policy returns in [`Changes::line_items`](super::Changes::line_items).
///
/// Stripe replaces a session's line items as a whole: a line the session has is kept by its
/// id (and changed by the fields sent with it), a line without an id is added, a line left out
/// is removed, and the order of the list is the order on the page. A `CartLine` keeps what
/// the session said of an existing line, so only what a policy changed is sent.
///
/// ```
/// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
/// use stripe_checkout_client::updates::CartLine;
///
/// let wrap = CartLine::price_data(PriceData::new("usd", 500, ProductData::new("Gift wrap")), 1);
/// assert!(wrap.is_new());
/// assert_eq!(wrap.unit_amount(), Some(500));
/// assert_eq!(wrap.subtotal(), Some(500));
/// assert_eq!(wrap.name(), Some("Gift wrap"));
/// let two = wrap.with_quantity(2);
/// assert_eq!(two.subtotal(), Some(1_000));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct CartLine {
    source: Source,
    price: Option<PriceId>,
    product: Option<String>,
    name: Option<String>,
    unit_amount: Option<i64>,
    quantity: u64,
    metadata: Option<Metadata>,
}

/// Where a line comes from, which decides how it is sent.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    /// A line the session has, with the quantity it has (a change of it is sent).
    Existing { id: String, quantity: u64 },
    /// A new line by price id.
    Price(PriceId),
    /// A new line with an inline price.
    PriceData(Box<PriceData>),
}

impl CartLine {
    /// The session's line item as it is: kept, with nothing sent but its id.
    pub fn existing(item: &SessionLineItem) -> Self {
        let quantity = item.quantity.unwrap_or(1);
        let price = item.price.as_ref();
        let unit_amount = price.and_then(|p| p.unit_amount).or_else(|| {
            // A price without a whole `unit_amount` (decimal amounts): the line's own subtotal
            // divides exactly, or the unit amount stays unknown.
            let q = i64::try_from(quantity).ok().filter(|q| *q > 0)?;
            (item.amount_subtotal % q == 0).then_some(item.amount_subtotal / q)
        });
        Self {
            source: Source::Existing {
                id: item.id.clone(),
                quantity,
            },
            price: price.map(|p| p.id.clone()),
            product: price
                .and_then(|p| p.product.as_ref())
                .map(|p| p.id().to_owned()),
            name: item.description.clone(),
            unit_amount,
            quantity,
            metadata: None,
        }
    }

    /// A new line: `quantity` units of the price `price`. Its unit amount is not known here,
    /// so a cart holding it has no known subtotal unless [`with_unit_amount`](Self::with_unit_amount)
    /// says what the price costs.
    pub fn price(price: PriceId, quantity: u64) -> Self {
        Self {
            source: Source::Price(price.clone()),
            price: Some(price),
            product: None,
            name: None,
            unit_amount: None,
            quantity,
            metadata: None,
        }
    }

    /// A new line: `quantity` units of an inline price (`price_data`), e.g. a gift-wrap
    /// add-on priced by your own systems.
    pub fn price_data(price_data: PriceData, quantity: u64) -> Self {
        Self {
            price: None,
            product: price_data.product.as_ref().map(|p| p.as_str().to_owned()),
            name: price_data.product_data.as_ref().map(|p| p.name.clone()),
            unit_amount: price_data.unit_amount,
            source: Source::PriceData(Box::new(price_data)),
            quantity,
            metadata: None,
        }
    }

    /// The same line with `quantity` units.
    #[must_use]
    pub fn with_quantity(mut self, quantity: u64) -> Self {
        self.quantity = quantity;
        self
    }

    /// The same line, known to cost `amount` per unit (in the currency's smallest unit): for
    /// a new line by [`price`](Self::price) id, so the cart's subtotal can be computed.
    #[must_use]
    pub fn with_unit_amount(mut self, amount: i64) -> Self {
        self.unit_amount = Some(amount);
        self
    }

    /// The same line with a metadata key set (sent with the line).
    #[must_use]
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(Metadata::new)
            .insert(key, value);
        self
    }

    /// The session's id of this line (`li_…`); `None` for a new line.
    pub fn id(&self) -> Option<&str> {
        match &self.source {
            Source::Existing { id, .. } => Some(id),
            Source::Price(_) | Source::PriceData(_) => None,
        }
    }

    /// Whether this line is not on the session yet.
    pub fn is_new(&self) -> bool {
        self.id().is_none()
    }

    /// The price (`price_…`), when known.
    pub fn price_id(&self) -> Option<&PriceId> {
        self.price.as_ref()
    }

    /// The product (`prod_…`), when known.
    pub fn product(&self) -> Option<&str> {
        self.product.as_deref()
    }

    /// The name the shopper sees: the line's description, or a new line's product name.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// How many units.
    pub fn quantity(&self) -> u64 {
        self.quantity
    }

    /// What one unit costs, in the currency's smallest unit, when known.
    pub fn unit_amount(&self) -> Option<i64> {
        self.unit_amount
    }

    /// The line's amount before discounts, when its unit amount is known.
    pub fn subtotal(&self) -> Option<i64> {
        let quantity = i64::try_from(self.quantity).ok()?;
        self.unit_amount?.checked_mul(quantity)
    }

    /// Whether sending this line would change the session's line of the same id: a new line,
    /// a changed quantity or metadata.
    pub(crate) fn changes_session(&self) -> bool {
        match &self.source {
            Source::Existing { quantity, .. } => {
                *quantity != self.quantity || self.metadata.is_some()
            }
            Source::Price(_) | Source::PriceData(_) => true,
        }
    }

    /// The line as the update sends it: an existing line by id, with its quantity only when it
    /// changed (Stripe refuses a quantity on metered prices, so an unchanged one is not sent).
    pub(crate) fn to_update(&self) -> UpdateLineItem {
        let mut line = match &self.source {
            Source::Existing { id, quantity } => {
                let line = UpdateLineItem::existing(id.clone());
                if *quantity == self.quantity {
                    line
                } else {
                    line.quantity(self.quantity)
                }
            }
            Source::PriceData(data) => UpdateLineItem::price_data((**data).clone(), self.quantity),
            Source::Price(price) => UpdateLineItem::price(price.clone(), self.quantity),
        };
        line.metadata = self.metadata.clone();
        line
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::checkout::params::ProductData;
    use crate::form;

    fn item(value: serde_json::Value) -> CartLine {
        CartLine::existing(&serde_json::from_value(value).unwrap())
    }

    fn sent(line: &CartLine) -> Vec<String> {
        let update = crate::checkout::UpdateSession::new().line_item(line.to_update());
        form::to_pairs(&update)
            .unwrap()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect()
    }

    #[test]
    fn an_existing_line_knows_its_unit_amount_from_its_price_or_its_subtotal() {
        let priced = item(
            json!({"id": "li_1", "object": "item", "quantity": 3, "amount_subtotal": 999,
            "description": "Tea", "price": {"id": "price_tea", "object": "price", "unit_amount": 333,
                "product": "prod_tea"}}),
        );
        assert_eq!(priced.unit_amount(), Some(333));
        assert_eq!(priced.subtotal(), Some(999));
        assert_eq!(priced.name(), Some("Tea"));
        assert_eq!(priced.product(), Some("prod_tea"));
        assert_eq!(priced.price_id().map(|p| p.as_str()), Some("price_tea"));
        assert_eq!(
            (priced.id(), priced.is_new(), priced.quantity()),
            (Some("li_1"), false, 3)
        );

        let decimal =
            item(json!({"id": "li_2", "object": "item", "quantity": 4, "amount_subtotal": 1000}));
        assert_eq!(decimal.unit_amount(), Some(250));
        let uneven =
            item(json!({"id": "li_3", "object": "item", "quantity": 3, "amount_subtotal": 1000}));
        assert_eq!(uneven.unit_amount(), None);
        assert_eq!(uneven.subtotal(), None);
        let none =
            item(json!({"id": "li_4", "object": "item", "quantity": 0, "amount_subtotal": 0}));
        assert_eq!(none.unit_amount(), None);
        let unstated = item(json!({"id": "li_5", "object": "item", "amount_subtotal": 700}));
        assert_eq!(
            (unstated.quantity(), unstated.unit_amount()),
            (1, Some(700))
        );
    }

    #[test]
    fn a_line_sends_its_id_alone_unless_it_changed() {
        let line =
            item(json!({"id": "li_1", "object": "item", "quantity": 2, "amount_subtotal": 200}));
        assert!(!line.changes_session());
        assert_eq!(sent(&line), ["line_items[0][id]=li_1"]);
        let more = line.clone().with_quantity(5);
        assert!(more.changes_session());
        assert_eq!(
            sent(&more),
            ["line_items[0][id]=li_1", "line_items[0][quantity]=5"]
        );
        let tagged = line.metadata("gift", "yes");
        assert!(tagged.changes_session());
        assert_eq!(
            sent(&tagged),
            [
                "line_items[0][id]=li_1",
                "line_items[0][metadata][gift]=yes"
            ]
        );
    }

    #[test]
    fn new_lines_are_sent_whole() {
        let by_price = CartLine::price("price_cap".parse().unwrap(), 2);
        assert!(by_price.is_new() && by_price.changes_session());
        assert_eq!(by_price.subtotal(), None);
        assert_eq!(by_price.clone().with_unit_amount(400).subtotal(), Some(800));
        assert_eq!(
            sent(&by_price),
            [
                "line_items[0][price]=price_cap",
                "line_items[0][quantity]=2"
            ]
        );
        let inline = CartLine::price_data(PriceData::new("usd", 500, ProductData::new("Wrap")), 1);
        assert_eq!(
            sent(&inline),
            [
                "line_items[0][price_data][currency]=usd",
                "line_items[0][price_data][product_data][name]=Wrap",
                "line_items[0][price_data][unit_amount]=500",
                "line_items[0][quantity]=1",
            ]
        );
        assert_eq!(
            CartLine::price_data(PriceData::new("usd", i64::MAX, ProductData::new("W")), 2)
                .subtotal(),
            None
        );
    }
}
