//! [`SessionView`]: what a policy sees — the session as retrieved from Stripe, with the
//! changes of the policies before it applied on top (the cart, its subtotal, the shipping
//! address, the discounts).
//!
//! The view only reads; what a policy wants changed goes into the
//! [`Changes`](super::Changes) it returns.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use super::{CartLine, Changes};
use crate::checkout::CheckoutSession;
use crate::checkout::objects::{SessionCollectedInformation, SessionShippingDetails};
use crate::checkout::params::{Address, ShippingDetails};
use crate::error::Result;
use crate::resources::{Discount, PostalAddress};
use crate::sending::transport::decode_model;

/// The session a policy decides on: as Stripe has it, and as the earlier policies of a
/// [`Compose`](super::Compose) want it.
///
/// Read the session's own fields through [`session`](Self::session); read what may have been
/// changed already (the cart, the subtotal, the address, the discounts) through the view's
/// methods, so a policy placed after another one builds on its changes: a free-shipping
/// threshold sees the gift wrap added before it.
///
/// The flow makes the view from the session it retrieves; a test makes one from a session's
/// JSON with [`from_json`](Self::from_json). Cloning a view is cheap: the session is shared.
///
/// ```
/// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
/// use stripe_checkout_client::updates::{CartLine, Changes, SessionView};
///
/// let view = SessionView::from_json(br#"{
///     "id": "cs_test_1", "object": "checkout.session", "currency": "usd", "amount_subtotal": 9800,
///     "line_items": {"object": "list", "has_more": false, "data": [
///         {"id": "li_1", "object": "item", "quantity": 2, "amount_subtotal": 9800,
///          "price": {"id": "price_shoes", "object": "price", "unit_amount": 4900}}
///     ]}
/// }"#)?;
/// assert_eq!(view.subtotal(), Some(9_800));
///
/// // A policy added gift wrap: the next one sees the new cart and subtotal.
/// let wrap = CartLine::price_data(PriceData::new("usd", 500, ProductData::new("Gift wrap")), 1);
/// let mut cart = view.line_items().to_vec();
/// cart.push(wrap);
/// let after = view.with_changes(Changes::none().line_items(cart));
/// assert_eq!(after.line_items().len(), 2);
/// assert_eq!(after.subtotal(), Some(10_300));
/// # Ok::<(), stripe_checkout_client::Error>(())
/// ```
#[derive(Clone)]
pub struct SessionView {
    retrieved: Arc<Retrieved>,
    cart: Arc<[CartLine]>,
    changes: Changes,
}

/// The session as Stripe answered it, with the JSON it was decoded from.
struct Retrieved {
    session: CheckoutSession,
    json: Vec<u8>,
}

impl SessionView {
    /// The view of a session's JSON, as Stripe answers a retrieve, with no changes yet. Its
    /// cart is the session's `line_items` when the JSON has them expanded, otherwise empty.
    ///
    /// # Errors
    /// [`Error::Decode`](crate::Error::Decode), naming where, when the JSON is not a Checkout
    /// Session.
    pub fn from_json(json: impl Into<Vec<u8>>) -> Result<Self> {
        let json = json.into();
        let session: CheckoutSession = decode_model(&json, 200, None)?;
        let cart = session
            .line_items
            .as_ref()
            .map(|list| list.data.iter().map(CartLine::existing).collect())
            .unwrap_or_default();
        Ok(Self::with_cart(session, json, cart))
    }

    /// The view of a retrieved session whose cart was read separately (all its pages).
    pub(crate) fn with_cart(session: CheckoutSession, json: Vec<u8>, cart: Vec<CartLine>) -> Self {
        Self {
            retrieved: Arc::new(Retrieved { session, json }),
            cart: cart.into(),
            changes: Changes::none(),
        }
    }

    /// The session as retrieved, when the view is its only holder; otherwise decoded again
    /// from its JSON (a policy kept a clone of the view).
    pub(crate) fn into_session(self) -> Result<CheckoutSession> {
        match Arc::try_unwrap(self.retrieved) {
            Ok(retrieved) => Ok(retrieved.session),
            Err(shared) => decode_model(&shared.json, 200, None),
        }
    }

    /// The same view with `later` applied on top of the changes so far.
    #[must_use]
    pub fn with_changes(&self, later: Changes) -> Self {
        Self {
            retrieved: Arc::clone(&self.retrieved),
            cart: Arc::clone(&self.cart),
            changes: self.changes.clone().then(later),
        }
    }

    /// The session as retrieved from Stripe, before any change.
    pub fn session(&self) -> &CheckoutSession {
        &self.retrieved.session
    }

    /// The changes the earlier policies want.
    pub fn changes(&self) -> &Changes {
        &self.changes
    }

    /// The cart: as an earlier policy left it, or as the session has it.
    pub fn line_items(&self) -> &[CartLine] {
        self.changes.line_items.as_deref().unwrap_or(&self.cart)
    }

    /// The cart's amount before discounts, in the currency's smallest unit: the session's
    /// `amount_subtotal` while the cart is unchanged, else the sum of the lines (`None` when a
    /// new line's unit amount is not known, see [`CartLine::with_unit_amount`]).
    pub fn subtotal(&self) -> Option<i64> {
        match &self.changes.line_items {
            None => self.session().amount_subtotal,
            Some(lines) => lines
                .iter()
                .try_fold(0i64, |sum, line| sum.checked_add(line.subtotal()?)),
        }
    }

    /// The session's currency (`usd`), lowercase as Stripe writes it.
    pub fn currency(&self) -> Option<&str> {
        self.session().currency.as_deref()
    }

    /// Where the order ships: as an earlier policy set it, or as the session has it (`None`
    /// when neither has a name, a first line and a country).
    pub fn shipping_details(&self) -> Option<ShippingDetails> {
        if let Some(details) = &self.changes.shipping_details {
            return Some(details.clone());
        }
        let details = self
            .session()
            .collected_information
            .as_ref()?
            .shipping_details
            .as_ref()?;
        let address = details.address.as_ref()?;
        let mut out = Address::new(address.line1.clone()?, address.country.clone()?);
        out.line2 = address.line2.clone();
        out.city = address.city.clone();
        out.postal_code = address.postal_code.clone();
        out.state = address.state.clone();
        Some(ShippingDetails::new(details.name.clone()?, out))
    }

    /// The two-letter country the order ships to, uppercase (`DE`), when known.
    pub fn shipping_country(&self) -> Option<String> {
        self.shipping_details()
            .map(|d| d.address.country.to_ascii_uppercase())
    }

    /// The discounts an earlier policy set, if one did.
    pub fn discounts(&self) -> Option<&[Discount]> {
        self.changes.discounts.as_deref()
    }

    /// The session as it will be after the changes so far, for rules written against a
    /// [`CheckoutSession`] (the discount policies): `amount_subtotal` is the view's
    /// [`subtotal`](Self::subtotal) and the shipping details are the view's. The other fields
    /// are the session's as retrieved.
    ///
    /// While neither the cart nor the address changed, this is the session itself; otherwise
    /// the session is decoded again from the JSON Stripe answered, and the two fields set.
    pub fn projected_session(&self) -> Cow<'_, CheckoutSession> {
        let retrieved = &*self.retrieved;
        if self.changes.line_items.is_none() && self.changes.shipping_details.is_none() {
            return Cow::Borrowed(&retrieved.session);
        }
        // The JSON was decoded into `retrieved.session` already, so decoding it again gives the
        // same session; a failure cannot happen, and would leave the session unprojected.
        let Ok(mut session) = decode_model::<CheckoutSession>(&retrieved.json, 200, None) else {
            return Cow::Borrowed(&retrieved.session);
        };
        if self.changes.line_items.is_some() {
            session.amount_subtotal = self.subtotal();
        }
        if let Some(details) = &self.changes.shipping_details {
            let a = &details.address;
            let shown = SessionShippingDetails {
                name: Some(details.name.clone()),
                address: Some(PostalAddress {
                    line1: Some(a.line1.clone()),
                    line2: a.line2.clone(),
                    city: a.city.clone(),
                    postal_code: a.postal_code.clone(),
                    state: a.state.clone(),
                    country: Some(a.country.clone()),
                }),
            };
            match &mut session.collected_information {
                Some(info) => info.shipping_details = Some(shown),
                None => {
                    session.collected_information = Some(SessionCollectedInformation {
                        business_name: None,
                        email: None,
                        individual_name: None,
                        phone: None,
                        shipping_details: Some(shown),
                        tax_id: None,
                    });
                }
            }
        }
        Cow::Owned(session)
    }
}

impl fmt::Debug for SessionView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionView")
            .field("session", &self.retrieved.session.id)
            .field("cart", &self.cart)
            .field("changes", &self.changes)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::checkout::params::{PriceData, ProductData};

    fn session(value: serde_json::Value) -> SessionView {
        let mut base = json!({"id": "cs_test_1", "object": "checkout.session", "currency": "usd"});
        base.as_object_mut()
            .unwrap()
            .extend(value.as_object().unwrap().clone());
        SessionView::from_json(serde_json::to_vec(&base).unwrap()).unwrap()
    }

    fn shipped(address: serde_json::Value) -> SessionView {
        session(
            json!({"collected_information": {"shipping_details": {"name": "Ada", "address": address}}}),
        )
    }

    #[test]
    fn the_address_is_the_changed_one_or_the_sessions_when_it_is_complete() {
        let view = shipped(
            json!({"line1": "1 Main St", "line2": "Apt 2", "city": "Berlin",
            "postal_code": "10115", "state": "BE", "country": "de"}),
        );
        let details = view.shipping_details().unwrap();
        assert_eq!(details.name, "Ada");
        assert_eq!(details.address.line2.as_deref(), Some("Apt 2"));
        assert_eq!(details.address.state.as_deref(), Some("BE"));
        assert_eq!(details.address.postal_code.as_deref(), Some("10115"));
        assert_eq!(details.address.city.as_deref(), Some("Berlin"));
        assert_eq!(view.shipping_country().as_deref(), Some("DE"));
        assert!(
            shipped(json!({"country": "DE"}))
                .shipping_details()
                .is_none()
        );
        assert!(shipped(json!({"line1": "1"})).shipping_details().is_none());
        assert!(session(json!({})).shipping_details().is_none());

        let moved = ShippingDetails::new("Bob", Address::new("2 Rue", "fr"));
        let view = view.with_changes(Changes::none().shipping_details(moved.clone()));
        assert_eq!(view.shipping_details(), Some(moved));
        assert_eq!(view.shipping_country().as_deref(), Some("FR"));
    }

    #[test]
    fn the_projected_session_carries_the_new_subtotal_and_address_only_when_they_change() {
        let view = session(json!({"amount_subtotal": 1_000}));
        assert!(matches!(view.projected_session(), Cow::Borrowed(_)));
        assert_eq!(view.subtotal(), Some(1_000));
        assert_eq!(view.currency(), Some("usd"));

        let wrap = CartLine::price_data(PriceData::new("usd", 500, ProductData::new("Wrap")), 2);
        let bigger = view.with_changes(Changes::none().line_items([wrap]));
        assert_eq!(
            bigger.subtotal(),
            Some(1_000),
            "two wraps at 5.00 replace the cart"
        );
        let projected = bigger.projected_session();
        assert_eq!(projected.amount_subtotal, Some(1_000));
        assert!(matches!(projected, Cow::Owned(_)));

        let unknown = view.with_changes(
            Changes::none().line_items([CartLine::price("price_x".parse().unwrap(), 1)]),
        );
        assert_eq!(unknown.subtotal(), None);
        assert_eq!(unknown.projected_session().amount_subtotal, None);

        let moved = view.with_changes(Changes::none().shipping_details(ShippingDetails::new(
            "Bob",
            Address::new("2 Rue", "FR").city("Paris"),
        )));
        let projected = moved.projected_session();
        let details = projected
            .collected_information
            .as_ref()
            .unwrap()
            .shipping_details
            .as_ref()
            .unwrap();
        assert_eq!(details.name.as_deref(), Some("Bob"));
        let address = details.address.as_ref().unwrap();
        assert_eq!(
            (address.country.as_deref(), address.city.as_deref()),
            (Some("FR"), Some("Paris"))
        );
        assert_eq!(
            projected.amount_subtotal,
            Some(1_000),
            "the cart did not change"
        );

        // An address over one the session has replaces it, keeping the rest of what was collected.
        let view = session(json!({"collected_information": {"email": "ada@example.com"}}))
            .with_changes(
                Changes::none()
                    .shipping_details(ShippingDetails::new("Bob", Address::new("2 Rue", "FR"))),
            );
        let projected = view.projected_session();
        let info = projected.collected_information.as_ref().unwrap();
        assert_eq!(info.email.as_deref(), Some("ada@example.com"));
        assert!(info.shipping_details.is_some());
    }

    #[test]
    fn the_session_comes_back_whole_even_when_a_clone_of_the_view_was_kept() {
        let view = session(json!({"amount_subtotal": 700, "metadata": {"order": "42"}}));
        let kept = view.clone();
        let back = view.into_session().unwrap();
        assert_eq!(back.amount_subtotal, Some(700));
        assert_eq!(&back, kept.session());
        assert_eq!(kept.into_session().unwrap(), back);
    }

    #[test]
    fn json_that_is_not_a_session_is_refused_naming_where() {
        let err =
            SessionView::from_json(br#"{"id": "cs_test_1", "amount_subtotal": "ten"}"#.to_vec())
                .unwrap_err();
        match err {
            crate::Error::Decode { path, .. } => assert_eq!(path, "amount_subtotal"),
            other => panic!("{other:?}"),
        }
        let shown = format!("{:?}", session(json!({})));
        assert!(shown.starts_with("SessionView { session: "), "{shown}");
        assert!(shown.contains("cs_test_1"), "{shown}");
    }

    #[test]
    fn later_changes_build_on_earlier_ones() {
        let s = session(json!({}));
        assert_eq!(s.clone().discounts(), None);
        let coupon = Discount::Coupon("SUMMER".parse().unwrap());
        let set = s
            .clone()
            .with_changes(Changes::none().discounts([coupon.clone()]));
        assert_eq!(set.discounts(), Some(&[coupon][..]));
        let view = s
            .clone()
            .with_changes(Changes::none().discounts([]))
            .with_changes(Changes::none().trial(crate::updates::Trial::Days(7)));
        assert_eq!(view.discounts(), Some(&[][..]));
        assert_eq!(
            view.changes().parts(),
            [crate::updates::Part::Discounts, crate::updates::Part::Trial]
        );
        assert!(view.line_items().is_empty());
        assert_eq!(view.session().id, "cs_test_1");
    }
}
