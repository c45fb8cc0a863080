//! The params of `POST /v1/checkout/sessions/:id`: [`UpdateSession`], and the
//! [`UpdateLineItem`]s of its new list. The update's shipping options and collected
//! information are in `shipping.rs`.

use super::checks::*;
use super::line_items::{AdjustableQuantity, PriceData};
use super::shipping::{CollectedInformation, ShippingDetails, ShippingOption};

use crate::Clearable;
use crate::checkout::{
    UpdateAutomaticTax, UpdateInvoiceCreation, UpdatePaymentIntentData, UpdateSubscriptionData,
};
use crate::declare::extra::ExtraParams;
use crate::declare::params::{Param, params};
use crate::error::{Error, Result};
use crate::ids::{IntoId, PriceId, take_id};
use crate::metadata::Metadata;
use crate::resources::Discount;

params! {
    /// Parameters for [`CheckoutSessions::update`](crate::checkout::CheckoutSessions::update)
    /// (`POST /v1/checkout/sessions/{id}`): discounts, metadata, line items, shipping options and
    /// collected shipping details.
    ///
    /// Clearing is explicit. [`clear_discounts`](Self::clear_discounts) sends `discounts=`, and so
    /// does [`discounts`](Self::discounts) with an empty list — unlike the official SDKs, where an
    /// empty list silently sends nothing and leaves the old discount in place. Stripe omits
    /// `discounts` from the answer unless the request expands it.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::discounts::{CouponData, Discount};
    /// use stripe_checkout_client::form;
    ///
    /// let params = UpdateSession::new()
    ///     .discounts([Discount::CouponData(CouponData::amount_off(500, "eur"))])
    ///     .expand(["discounts"]);
    /// let pairs: Vec<String> = form::to_pairs(&params)?
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(
    ///     pairs,
    ///     [
    ///         "discounts[0][coupon_data][amount_off]=500",
    ///         "discounts[0][coupon_data][currency]=eur",
    ///         "expand[0]=discounts",
    ///     ]
    /// );
    ///
    /// // No discount left to give: clear, rather than send nothing.
    /// let none: Vec<Discount> = Vec::new();
    /// let params = UpdateSession::new().discounts(none);
    /// assert_eq!(form::to_pairs(&params)?, [("discounts".to_owned(), String::new())]);
    /// assert_eq!(params, UpdateSession::new().clear_discounts());
    ///
    /// // Metadata: set a key, remove a key, or remove them all.
    /// let keys = UpdateSession::new().metadata("tier", "gold").unset_metadata("campaign");
    /// assert_eq!(
    ///     form::to_pairs(&keys)?,
    ///     [
    ///         ("metadata[tier]".to_owned(), "gold".to_owned()),
    ///         ("metadata[campaign]".to_owned(), String::new()),
    ///     ]
    /// );
    /// let none = UpdateSession::new().clear_metadata();
    /// assert_eq!(form::to_pairs(&none)?, [("metadata".to_owned(), String::new())]);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    #[derive(Default)]
    pub struct UpdateSession {
        /// The discounts to set (at most one), or [`Clearable::Clear`] to remove them.
        /// `Set` of an empty list is sent as a clear too.
        discounts: Discount => clear_list(discount, clear_discounts),
        /// Metadata keys to set or unset, or a clear of them all.
        metadata: Metadata => metadata_update,
        /// The complete new list of line items (keep existing ones by id).
        line_items: UpdateLineItem => list(line_item),
        /// The shipping options to offer, or [`Clearable::Clear`] to remove them. `Set` of an
        /// empty list is sent as a clear too.
        shipping_options: ShippingOption => clear_list(shipping_option, clear_shipping_options),
        /// Information collected on your own page (shipping details).
        collected_information: CollectedInformation => into,
        /// Fields of the answer to expand (`discounts`, `line_items`, …).
        expand: String => expand,
        /// The parts of the coming subscription to change (`subscription_data`; the preview).
        subscription_data: UpdateSubscriptionData => into,
        /// The parts of the coming payment to change (`payment_intent_data`; endive).
        payment_intent_data: UpdatePaymentIntentData => into,
        /// The automatic tax settings to change (`automatic_tax`; the preview).
        automatic_tax: UpdateAutomaticTax => into,
        /// The invoice settings to change (`invoice_creation`; the preview).
        invoice_creation: UpdateInvoiceCreation => into,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(update_rules);
}

impl UpdateSession {
    /// Shorthand for `.collected_information(CollectedInformation::shipping_details(details))`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, ShippingDetails};
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::form;
    /// let params = UpdateSession::new().shipping_details(ShippingDetails::new(
    ///     "Jenny Rosen",
    ///     Address::new("1 Main St", "US").city("Springfield").postal_code("12345"),
    /// ));
    /// let keys: Vec<String> = form::to_pairs(&params)?.into_iter().map(|(k, _)| k).collect();
    /// assert_eq!(keys[0], "collected_information[shipping_details][name]");
    /// assert_eq!(keys[1], "collected_information[shipping_details][address][line1]");
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub fn shipping_details(self, details: ShippingDetails) -> Self {
        self.collected_information(CollectedInformation::shipping_details(details))
    }
}

fn update_rules(update: &UpdateSession, _: Param<'_>) -> Result<()> {
    if let Some(Clearable::Set(discounts)) = &update.discounts {
        validate_discounts(discounts)?;
        // Stripe documents update-time discounts as `coupon` or `coupon_data` only.
        if let Some(i) = discounts
            .iter()
            .position(|d| matches!(d, Discount::PromotionCode(_)))
        {
            return Err(Error::invalid_param(
                format!("discounts[{i}][promotion_code]"),
                "an update takes `coupon` or `coupon_data` only: apply the promotion \
                 code's coupon (`Discount::Coupon`) instead",
            ));
        }
    }
    if let Some(Clearable::Set(options)) = &update.shipping_options {
        if options.len() > MAX_SHIPPING_OPTIONS {
            return Err(Error::invalid_param(
                "shipping_options",
                format!(
                    "at most {MAX_SHIPPING_OPTIONS} shipping options are allowed, got {}",
                    options.len()
                ),
            ));
        }
    }
    Ok(())
}

/// Stripe's limit on shipping options per session.
pub(super) const MAX_SHIPPING_OPTIONS: usize = 5;

params! {
    /// One line item of [`UpdateSession`]'s new list: an existing item kept (and maybe changed)
    /// by id, or a new item by price.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{UpdateLineItem, UpdateSession};
    /// use stripe_checkout_client::form;
    ///
    /// let params = UpdateSession::new()
    ///     .line_item(UpdateLineItem::existing("li_1").quantity(2))
    ///     .line_item(UpdateLineItem::price("price_123", 1));
    /// let pairs: Vec<String> = form::to_pairs(&params)?
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(
    ///     pairs,
    ///     [
    ///         "line_items[0][id]=li_1",
    ///         "line_items[0][quantity]=2",
    ///         "line_items[1][price]=price_123",
    ///         "line_items[1][quantity]=1",
    ///     ]
    /// );
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    #[derive(Default)]
    pub struct UpdateLineItem {
        /// The id of an existing line item (`li_…`) to keep or change.
        id: String => constructed,
        /// The price (`price_…`) of a new line item.
        price: PriceId => constructed,
        /// An inline price for a new line item (`price_data`; preview and endive).
        price_data: PriceData => constructed,
        /// How many units (at least 1); required for a new item.
        quantity: u64 => plain,
        /// Whether the customer may change the quantity.
        adjustable_quantity: AdjustableQuantity => into,
        /// Metadata stored on the line item.
        metadata: Metadata => metadata,
        /// Tax rates (`txr_…`) applied to this item.
        tax_rates: String => list,
    }
    check(update_line_item_rules);
    new(empty);
}

impl UpdateLineItem {
    /// Keeps the existing line item `id` (`li_…`) unchanged unless setters change it.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::existing("li_1").id.as_deref(), Some("li_1"));
    /// ```
    pub fn existing(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::empty()
        }
    }

    /// Adds a new line item: `quantity` units of `price`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::price("price_123", 2).quantity, Some(2));
    /// ```
    pub fn price(price: impl IntoId<PriceId>, quantity: u64) -> Self {
        let mut item = Self::empty().quantity(quantity);
        item.price = take_id(price, "price", &mut item.rejected_id);
        item
    }

    /// Adds a new line item: `quantity` units of an inline price (`price_data`).
    pub fn price_data(price_data: PriceData, quantity: u64) -> Self {
        Self {
            price_data: Some(price_data),
            ..Self::empty().quantity(quantity)
        }
    }
}

fn update_line_item_rules(item: &UpdateLineItem, param: Param<'_>) -> Result<()> {
    if item.price.is_some() && item.price_data.is_some() {
        return Err(param.invalid("set at most one of `price` or `price_data`"));
    }
    let new_price = item.price.is_some() || item.price_data.is_some();
    match (&item.id, new_price) {
        (None, false) => {
            return Err(param.invalid(
                "set `id` to keep an existing line item, or `price` or `price_data` to add one",
            ));
        }
        (None, true) if item.quantity.is_none() => {
            return Err(param
                .field("quantity")
                .invalid("is required for a new line item"));
        }
        _ => {}
    }
    check_quantity(param, item.quantity)
}
