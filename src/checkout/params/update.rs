//! The params of `POST /v1/checkout/sessions/:id`: [`UpdateSession`], and the
//! [`UpdateLineItem`]s of its new list. The update's shipping options and collected
//! information are in `shipping.rs`.

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use super::checks::*;
use super::line_items::{AdjustableQuantity, PriceData};
use super::shipping::{CollectedInformation, ShippingDetails, ShippingOption};

use crate::Clearable;
use crate::checkout::declare::{Check, Param};
use crate::checkout::{
    UpdateAutomaticTax, UpdateInvoiceCreation, UpdatePaymentIntentData, UpdateSubscriptionData,
};
use crate::declare::extra::{ExtraParams, extra_setters};
use crate::error::{Error, Result};
use crate::ids::{IntoId, PriceId, RejectedId, take_id};
use crate::metadata::{Metadata, metadata_setter};
use crate::resources::Discount;
use crate::wire::encode::encoded_struct;

encoded_struct! {
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
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct UpdateSession {
        /// The discounts to set (at most one), or [`Clearable::Clear`] to remove them.
        /// `Set` of an empty list is sent as a clear too.
        #[serde(
            serialize_with = "clearable_list",
            skip_serializing_if = "Option::is_none",
            default
        )]
        pub discounts: Option<Clearable<Vec<Discount>>>,
        /// Metadata keys to set or unset, or a clear of them all.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// The complete new list of line items (keep existing ones by id).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub line_items: Vec<UpdateLineItem>,
        /// The shipping options to offer, or [`Clearable::Clear`] to remove them. `Set` of an
        /// empty list is sent as a clear too.
        #[serde(
            serialize_with = "clearable_list",
            skip_serializing_if = "Option::is_none",
            default
        )]
        pub shipping_options: Option<Clearable<Vec<ShippingOption>>>,
        /// Information collected on your own page (shipping details).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub collected_information: Option<CollectedInformation>,
        /// Fields of the answer to expand (`discounts`, `line_items`, …).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        /// The parts of the coming subscription to change (`subscription_data`; the preview).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub subscription_data: Option<UpdateSubscriptionData>,
        /// The parts of the coming payment to change (`payment_intent_data`; endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_intent_data: Option<UpdatePaymentIntentData>,
        /// The automatic tax settings to change (`automatic_tax`; the preview).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub automatic_tax: Option<UpdateAutomaticTax>,
        /// The invoice settings to change (`invoice_creation`; the preview).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub invoice_creation: Option<UpdateInvoiceCreation>,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        #[serde(skip)]
        pub extra: ExtraParams,
    }
}

impl UpdateSession {
    /// Parameters that change nothing yet.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// assert_eq!(UpdateSession::new(), UpdateSession::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    extra_setters!();

    option_setters! {
        /// The parts of the coming subscription to change (`subscription_data`; the preview).
        subscription_data: UpdateSubscriptionData;
        /// The parts of the coming payment to change (`payment_intent_data`; endive).
        payment_intent_data: UpdatePaymentIntentData;
        /// The automatic tax settings to change (`automatic_tax`; the preview).
        automatic_tax: UpdateAutomaticTax;
        /// The invoice settings to change (`invoice_creation`; the preview).
        invoice_creation: UpdateInvoiceCreation;
    }

    /// Replaces the session's discounts with `discounts` (Stripe applies at most one). An
    /// empty list clears them, exactly like [`clear_discounts`](Self::clear_discounts): it
    /// sends `discounts=`, never nothing.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::discounts::Discount;
    /// use stripe_checkout_client::Clearable;
    ///
    /// let set = UpdateSession::new().discounts([Discount::Coupon("SUMMER25".parse().unwrap())]);
    /// assert_eq!(set.discounts, Some(Clearable::Set(vec![Discount::Coupon("SUMMER25".parse().unwrap())])));
    /// let cleared = UpdateSession::new().discounts(Vec::<Discount>::new());
    /// assert_eq!(cleared.discounts, Some(Clearable::Clear));
    /// ```
    pub fn discounts(mut self, discounts: impl IntoIterator<Item = Discount>) -> Self {
        self.discounts = Some(set_or_clear(discounts.into_iter().collect()));
        self
    }

    /// Adds one discount to the list being set (replacing a pending clear).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::discounts::{CouponData, Discount};
    /// let params = UpdateSession::new().discount(CouponData::percent_off(10.0));
    /// assert_eq!(params, UpdateSession::new().discounts([Discount::CouponData(CouponData::percent_off(10.0))]));
    /// ```
    pub fn discount(mut self, discount: impl Into<Discount>) -> Self {
        push_clearable(&mut self.discounts, discount.into());
        self
    }

    /// Removes every discount from the session (sends `discounts=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::form;
    /// let pairs = form::to_pairs(&UpdateSession::new().clear_discounts())?;
    /// assert_eq!(pairs, [("discounts".to_owned(), String::new())]);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub fn clear_discounts(mut self) -> Self {
        self.discounts = Some(Clearable::Clear);
        self
    }

    metadata_setter!(
        /// Sets one metadata key (`metadata[key]=value`), replacing a pending
        /// [`clear_metadata`](Self::clear_metadata).
        ///
        /// ```
        /// use stripe_checkout_client::checkout::UpdateSession;
        /// use stripe_checkout_client::form;
        /// let params = UpdateSession::new().metadata("tier", "gold").unset_metadata("campaign");
        /// assert_eq!(
        ///     form::to_pairs(&params)?,
        ///     [
        ///         ("metadata[tier]".to_owned(), "gold".to_owned()),
        ///         ("metadata[campaign]".to_owned(), String::new()),
        ///     ]
        /// );
        /// # Ok::<(), form::EncodeError>(())
        /// ```
        metadata
    );

    /// Removes one metadata key from the session (`metadata[key]=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// let params = UpdateSession::new().unset_metadata("campaign");
    /// assert!(params.metadata.unwrap().is_unset("campaign"));
    /// ```
    pub fn unset_metadata(mut self, key: impl Into<String>) -> Self {
        self.metadata.get_or_insert_with(Metadata::new).unset(key);
        self
    }

    /// Removes every metadata key from the session (`metadata=`), discarding keys set or
    /// unset earlier on these parameters.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::form;
    /// let pairs = form::to_pairs(&UpdateSession::new().metadata("a", "1").clear_metadata())?;
    /// assert_eq!(pairs, [("metadata".to_owned(), String::new())]);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub fn clear_metadata(mut self) -> Self {
        self.metadata = Some(Metadata::clear());
        self
    }

    /// Adds one line item to the new list. Stripe replaces the whole list: include every
    /// item to keep (by id), in the order wanted.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{UpdateLineItem, UpdateSession};
    /// let params = UpdateSession::new()
    ///     .line_item(UpdateLineItem::existing("li_1").quantity(3))
    ///     .line_item(UpdateLineItem::price("price_123", 1));
    /// assert_eq!(params.line_items.len(), 2);
    /// ```
    pub fn line_item(mut self, item: UpdateLineItem) -> Self {
        self.line_items.push(item);
        self
    }

    /// Adds several line items to the new list.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{UpdateLineItem, UpdateSession};
    /// let params = UpdateSession::new().line_items([UpdateLineItem::existing("li_1")]);
    /// assert_eq!(params.line_items.len(), 1);
    /// ```
    pub fn line_items(mut self, items: impl IntoIterator<Item = UpdateLineItem>) -> Self {
        self.line_items.extend(items);
        self
    }

    /// Replaces the shipping options; an empty list clears them (sends `shipping_options=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{ShippingOption, ShippingRateData};
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// let params = UpdateSession::new().shipping_options([
    ///     ShippingOption::shipping_rate("shr_standard"),
    ///     ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Express", 1500, "usd")),
    /// ]);
    /// assert!(params.shipping_options.is_some());
    /// ```
    pub fn shipping_options(mut self, options: impl IntoIterator<Item = ShippingOption>) -> Self {
        self.shipping_options = Some(set_or_clear(options.into_iter().collect()));
        self
    }

    /// Adds one shipping option to the list being set (replacing a pending clear).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ShippingOption;
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// let params = UpdateSession::new().shipping_option(ShippingOption::shipping_rate("shr_1"));
    /// assert_eq!(params, UpdateSession::new().shipping_options([ShippingOption::shipping_rate("shr_1")]));
    /// ```
    pub fn shipping_option(mut self, option: ShippingOption) -> Self {
        push_clearable(&mut self.shipping_options, option);
        self
    }

    /// Removes every shipping option (sends `shipping_options=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::Clearable;
    /// let params = UpdateSession::new().clear_shipping_options();
    /// assert_eq!(params.shipping_options, Some(Clearable::Clear));
    /// ```
    pub fn clear_shipping_options(mut self) -> Self {
        self.shipping_options = Some(Clearable::Clear);
        self
    }

    /// Information collected on your own page.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, CollectedInformation, ShippingDetails};
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// let details = ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US"));
    /// let params = UpdateSession::new().collected_information(CollectedInformation::shipping_details(details));
    /// assert!(params.collected_information.is_some());
    /// ```
    pub fn collected_information(mut self, information: CollectedInformation) -> Self {
        self.collected_information = Some(information);
        self
    }

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

    /// Adds fields of the answer to expand — `discounts` to see the applied discount.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// assert_eq!(UpdateSession::new().expand(["discounts"]).expand, ["discounts"]);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Checks the rules Stripe would reject the request for, without sending anything.
    pub(crate) fn validate(&self) -> Result<()> {
        self.subscription_data
            .check(Param::Name("subscription_data"))?;
        self.payment_intent_data
            .check(Param::Name("payment_intent_data"))?;
        self.automatic_tax.check(Param::Name("automatic_tax"))?;
        self.invoice_creation
            .check(Param::Name("invoice_creation"))?;
        check_texts("expand", &self.expand)?;
        if let Some(Clearable::Set(discounts)) = &self.discounts {
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
        if let Some(metadata) = &self.metadata {
            metadata.validate("metadata")?;
        }
        for (i, item) in self.line_items.iter().enumerate() {
            item.validate(&format!("line_items[{i}]"))?;
        }
        if let Some(Clearable::Set(options)) = &self.shipping_options {
            if options.len() > MAX_SHIPPING_OPTIONS {
                return Err(Error::invalid_param(
                    "shipping_options",
                    format!(
                        "at most {MAX_SHIPPING_OPTIONS} shipping options are allowed, got {}",
                        options.len()
                    ),
                ));
            }
            for (i, option) in options.iter().enumerate() {
                option.validate(&format!("shipping_options[{i}]"))?;
            }
        }
        if let Some(information) = &self.collected_information {
            information.validate("collected_information")?;
        }
        Ok(())
    }
}

/// Stripe's limit on shipping options per session.
pub(super) const MAX_SHIPPING_OPTIONS: usize = 5;

encoded_struct! {
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
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct UpdateLineItem {
        /// The id of an existing line item (`li_…`) to keep or change.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub id: Option<String>,
        /// The price (`price_…`) of a new line item.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub price: Option<PriceId>,
        /// An inline price for a new line item (`price_data`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub price_data: Option<PriceData>,
        /// How many units (at least 1); required for a new item.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub quantity: Option<u64>,
        /// Whether the customer may change the quantity.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub adjustable_quantity: Option<AdjustableQuantity>,
        /// Metadata stored on the line item.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// Tax rates (`txr_…`) applied to this item.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub tax_rates: Vec<String>,
        /// A refused id from a setter, reported by `validate`.
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
    }
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
            ..Self::default()
        }
    }

    /// Adds a new line item: `quantity` units of `price`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::price("price_123", 2).quantity, Some(2));
    /// ```
    pub fn price(price: impl IntoId<PriceId>, quantity: u64) -> Self {
        let mut rejected_id = None;
        Self {
            price: take_id(price, "price", &mut rejected_id),
            quantity: Some(quantity),
            rejected_id,
            ..Self::default()
        }
    }

    /// Adds a new line item: `quantity` units of an inline price (`price_data`).
    pub fn price_data(price_data: PriceData, quantity: u64) -> Self {
        Self {
            price_data: Some(price_data),
            quantity: Some(quantity),
            ..Self::default()
        }
    }

    /// Sets the quantity.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::existing("li_1").quantity(4).quantity, Some(4));
    /// ```
    pub fn quantity(mut self, quantity: u64) -> Self {
        self.quantity = Some(quantity);
        self
    }

    /// Lets the customer change the quantity.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// let item = UpdateLineItem::existing("li_1").adjustable_quantity(AdjustableQuantity::new(false));
    /// assert!(!item.adjustable_quantity.unwrap().enabled);
    /// ```
    pub fn adjustable_quantity(mut self, adjustable: AdjustableQuantity) -> Self {
        self.adjustable_quantity = Some(adjustable);
        self
    }

    metadata_setter!(
        /// Sets one metadata key on the line item.
        ///
        /// ```
        /// use stripe_checkout_client::checkout::UpdateLineItem;
        /// let item = UpdateLineItem::existing("li_1").metadata("gift", "yes");
        /// assert_eq!(item.metadata.unwrap().get("gift"), Some("yes"));
        /// ```
        metadata
    );

    /// Adds several tax rates (`txr_…`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::existing("li_1").tax_rates(["txr_1"]).tax_rates, ["txr_1"]);
    /// ```
    pub fn tax_rates(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tax_rates.extend(ids.into_iter().map(Into::into));
        self
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        check_rejected(prefix, self.rejected_id.as_ref())?;
        if self.price.is_some() && self.price_data.is_some() {
            return Err(Error::invalid_param(
                prefix,
                "set at most one of `price` or `price_data`",
            ));
        }
        if let Some(data) = &self.price_data {
            data.validate(&format!("{prefix}[price_data]"))?;
        }
        let new_price = self.price.is_some() || self.price_data.is_some();
        match (&self.id, new_price) {
            (None, false) => {
                return Err(Error::invalid_param(
                    prefix,
                    "set `id` to keep an existing line item, or `price` or `price_data` to add one",
                ));
            }
            (None, true) if self.quantity.is_none() => {
                return Err(Error::invalid_param(
                    format!("{prefix}[quantity]"),
                    "is required for a new line item",
                ));
            }
            _ => {}
        }
        if let Some(id) = &self.id {
            check_not_empty(&format!("{prefix}[id]"), id)?;
        }
        if let Some(price) = &self.price {
            check_id(&format!("{prefix}[price]"), PriceId::new(price.as_str()))?;
        }
        check_quantity(prefix, self.quantity)?;
        if let Some(adjustable) = &self.adjustable_quantity {
            adjustable.validate(&format!("{prefix}[adjustable_quantity]"))?;
        }
        if let Some(metadata) = &self.metadata {
            metadata.validate(&format!("{prefix}[metadata]"))?;
        }
        Ok(())
    }
}
