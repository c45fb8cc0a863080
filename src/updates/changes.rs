//! [`Changes`]: what a policy wants a session to become, part by part ([`Part`]), and the
//! [`Trial`] a subscription session may be given.
//!
//! A change here is a wish: the flow compares it with the session and sends only what
//! differs. How policies' changes combine is [`Compose`](super::Compose)'s.

use std::fmt;

use super::CartLine;
use crate::checkout::params::{ShippingDetails, ShippingOption, UpdatePaymentIntentData};
use crate::resources::Discount;

/// A part of a session a server update can change: each member of Stripe's dynamic-updates
/// family.
///
/// A policy declares the parts it may change ([`UpdatePolicy::parts`](super::UpdatePolicy::parts));
/// the flow loads what those parts need, checks that the session lets the server change them
/// before asking the policy, and refuses a change to a part the policy did not declare.
///
/// ```
/// use stripe_checkout_client::updates::Part;
/// assert_eq!(Part::ShippingDetails.param(), "collected_information[shipping_details]");
/// assert_eq!(Part::Trial.to_string(), "subscription_data");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Part {
    /// The cart (`line_items`, replaced as a whole).
    LineItems,
    /// Where the order ships (`collected_information[shipping_details]`).
    ShippingDetails,
    /// The shipping rates offered (`shipping_options`).
    ShippingOptions,
    /// The discount (`discounts`).
    Discounts,
    /// The coming subscription's trial (`subscription_data`).
    Trial,
    /// The coming payment's settings (`payment_intent_data`).
    PaymentIntentData,
}

impl Part {
    /// Every part, in the order the flow applies them.
    pub const ALL: [Part; 6] = [
        Part::LineItems,
        Part::ShippingDetails,
        Part::ShippingOptions,
        Part::Discounts,
        Part::Trial,
        Part::PaymentIntentData,
    ];

    /// The update parameter that carries this part.
    pub fn param(self) -> &'static str {
        match self {
            Part::LineItems => "line_items",
            Part::ShippingDetails => "collected_information[shipping_details]",
            Part::ShippingOptions => "shipping_options",
            Part::Discounts => "discounts",
            Part::Trial => "subscription_data",
            Part::PaymentIntentData => "payment_intent_data",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.param())
    }
}

/// The trial a subscription session's coming subscription gets (`subscription_data`).
///
/// Stripe does not show a session's trial on the session, so the flow cannot tell whether it
/// changed: a trial in [`Changes`] is always sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Trial {
    /// A trial of this many days (`trial_period_days`, at least 1).
    Days(u32),
    /// A trial that ends at this Unix time (`trial_end`, at least 48 hours ahead).
    EndsAt(i64),
}

/// What a policy wants the session to be: each part it sets replaces that part; a part left
/// `None` is left as it is.
///
/// ```
/// use stripe_checkout_client::checkout::params::{ShippingOption, ShippingRateData};
/// use stripe_checkout_client::updates::{Changes, Part};
///
/// let changes = Changes::none()
///     .shipping_options([ShippingOption::shipping_rate_data(
///         ShippingRateData::fixed_amount("Standard", 0, "usd"),
///     )]);
/// assert_eq!(changes.parts(), [Part::ShippingOptions]);
/// assert!(Changes::none().is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Changes {
    /// The whole cart, in order (see [`CartLine`]).
    pub line_items: Option<Vec<CartLine>>,
    /// Where the order ships.
    pub shipping_details: Option<ShippingDetails>,
    /// The shipping rates offered, the first one selected (empty: none).
    pub shipping_options: Option<Vec<ShippingOption>>,
    /// The discounts (empty: none).
    pub discounts: Option<Vec<Discount>>,
    /// The coming subscription's trial.
    pub trial: Option<Trial>,
    /// The coming payment's settings.
    pub payment_intent_data: Option<UpdatePaymentIntentData>,
}

impl Changes {
    /// No change.
    pub fn none() -> Self {
        Self::default()
    }

    /// The cart becomes `lines`, in this order.
    #[must_use]
    pub fn line_items(mut self, lines: impl IntoIterator<Item = CartLine>) -> Self {
        self.line_items = Some(lines.into_iter().collect());
        self
    }

    /// The order ships to `details`.
    #[must_use]
    pub fn shipping_details(mut self, details: ShippingDetails) -> Self {
        self.shipping_details = Some(details);
        self
    }

    /// The shipping rates offered become `options` (empty: none).
    #[must_use]
    pub fn shipping_options(mut self, options: impl IntoIterator<Item = ShippingOption>) -> Self {
        self.shipping_options = Some(options.into_iter().collect());
        self
    }

    /// The discounts become `discounts` (empty: none).
    #[must_use]
    pub fn discounts(mut self, discounts: impl IntoIterator<Item = Discount>) -> Self {
        self.discounts = Some(discounts.into_iter().collect());
        self
    }

    /// The coming subscription gets `trial`.
    #[must_use]
    pub fn trial(mut self, trial: Trial) -> Self {
        self.trial = Some(trial);
        self
    }

    /// The coming payment's settings change to `data`.
    #[must_use]
    pub fn payment_intent_data(mut self, data: UpdatePaymentIntentData) -> Self {
        self.payment_intent_data = Some(data);
        self
    }

    /// The parts this sets, in [`Part::ALL`]'s order.
    pub fn parts(&self) -> Vec<Part> {
        Part::ALL
            .into_iter()
            .filter(|part| self.sets(*part))
            .collect()
    }

    /// Whether this sets `part`.
    pub fn sets(&self, part: Part) -> bool {
        match part {
            Part::LineItems => self.line_items.is_some(),
            Part::ShippingDetails => self.shipping_details.is_some(),
            Part::ShippingOptions => self.shipping_options.is_some(),
            Part::Discounts => self.discounts.is_some(),
            Part::Trial => self.trial.is_some(),
            Part::PaymentIntentData => self.payment_intent_data.is_some(),
        }
    }

    /// Whether this sets nothing.
    pub fn is_empty(&self) -> bool {
        self.parts().is_empty()
    }

    /// These changes followed by `later`'s: every part `later` sets replaces this one's.
    #[must_use]
    pub fn then(mut self, later: Changes) -> Self {
        let Changes {
            line_items,
            shipping_details,
            shipping_options,
            discounts,
            trial,
            payment_intent_data,
        } = later;
        if line_items.is_some() {
            self.line_items = line_items;
        }
        if shipping_details.is_some() {
            self.shipping_details = shipping_details;
        }
        if shipping_options.is_some() {
            self.shipping_options = shipping_options;
        }
        if discounts.is_some() {
            self.discounts = discounts;
        }
        if trial.is_some() {
            self.trial = trial;
        }
        if payment_intent_data.is_some() {
            self.payment_intent_data = payment_intent_data;
        }
        self
    }
}
