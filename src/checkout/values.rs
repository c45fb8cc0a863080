//! The enums of Checkout as a whole, not of one nested params type or object: the five a
//! merchant names most (mode, UI mode, who may update, status, payment status), re-exported at
//! the module's root, and four that several params and objects share (billing address
//! collection, redirect on completion, tax behaviour, recurring interval), re-exported in
//! [`enums`](super::enums) with the rest.
//!
//! Each is `#[non_exhaustive]` with an `Unknown(String)` fallback, so a value Stripe adds
//! later parses instead of failing.

use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// What a Checkout Session collects: a one-off payment, a saved payment method, or a
    /// subscription.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::SessionMode;
    /// assert_eq!(SessionMode::Payment.as_str(), "payment");
    /// assert_eq!(SessionMode::from("future_mode"), SessionMode::Unknown("future_mode".into()));
    /// ```
    SessionMode {
        /// Accept a one-time payment.
        Payment = "payment",
        /// Save payment details for later.
        Setup = "setup",
        /// Start a subscription.
        Subscription = "subscription",
    }
);

stripe_enum!(
    /// How the Checkout page is presented. The dynamic-discounts flow uses
    /// [`UiMode::Elements`], your own page built with Stripe Elements.
    ///
    /// Stripe renamed three values in `2026-03-25.dahlia` (`custom` → `elements`, `embedded` →
    /// `embedded_page`, `hosted` → `hosted_page`) and refuses the old names from then on. Each
    /// pair is one value here: [`UiMode::Custom`] is [`UiMode::Elements`], and so on. A request
    /// sends the name of the version it goes out with (`custom` to basil or clover, `elements`
    /// to dahlia or later), so the same code runs on every version; answers in either spelling
    /// parse to the same value, and [`as_str`](Self::as_str) gives the current name. Only
    /// [`UiMode::Form`], new in dahlia, has no former name: it is refused on earlier versions.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode, UiMode};
    /// use stripe_checkout_client::ApiVersion;
    ///
    /// assert_eq!(UiMode::Custom, UiMode::Elements);
    /// assert_eq!(UiMode::from("custom"), UiMode::from("elements"));
    ///
    /// let params = CreateSession::new(SessionMode::Payment).ui_mode(UiMode::Elements);
    /// let sent = |version: ApiVersion| params.form_pairs(&version).unwrap()[0].1.clone();
    /// assert_eq!(sent(ApiVersion::server_update_beta()), "custom");
    /// assert_eq!(sent(ApiVersion::newest_ga()), "elements");
    /// ```
    UiMode {
        /// Your own page built with Stripe Elements (`elements`; `custom` before dahlia).
        Elements = "elements" [
            /// The name before `2026-03-25.dahlia` of [`UiMode::Elements`], the same value.
            Custom = "custom"
        ],
        /// Embedded in your site (`embedded_page`; `embedded` before dahlia).
        EmbeddedPage = "embedded_page" [
            /// The name before `2026-03-25.dahlia` of [`UiMode::EmbeddedPage`], the same value.
            Embedded = "embedded"
        ],
        /// Stripe's hosted page (`hosted_page`; `hosted` before dahlia).
        HostedPage = "hosted_page" [
            /// The name before `2026-03-25.dahlia` of [`UiMode::HostedPage`], the same value.
            Hosted = "hosted"
        ],
        /// A form integration (`form`; from `2026-03-25.dahlia` only).
        Form = "form",
    }
);

stripe_enum!(
    /// Who may update a part of the session: the browser (Stripe.js) or only your server.
    PermissionOwner {
        /// Only Stripe.js in the browser may update it.
        ClientOnly = "client_only",
        /// Only your server may update it — what the dynamic-discounts flow requires.
        ServerOnly = "server_only",
    }
);

stripe_enum!(
    /// Whether a Checkout Session can still be paid.
    SessionStatus {
        /// In progress; it can be updated and paid.
        Open = "open",
        /// Paid or set up.
        Complete = "complete",
        /// Expired or expired by you.
        Expired = "expired",
    }
);

stripe_enum!(
    /// Whether the session's payment went through.
    PaymentStatus {
        /// Funds are available.
        Paid = "paid",
        /// Not paid yet.
        Unpaid = "unpaid",
        /// Nothing to pay (setup mode, or a 100% discount).
        NoPaymentRequired = "no_payment_required",
    }
);

stripe_enum!(
    /// Whether Checkout collects the billing address.
    BillingAddressCollection {
        /// Only when needed for the payment method or tax.
        Auto = "auto",
        /// Always.
        Required = "required",
    }
);

stripe_enum!(
    /// When an embedded or custom session redirects after completion.
    RedirectOnCompletion {
        /// Always redirect to `return_url`.
        Always = "always",
        /// Only when the payment method requires it.
        IfRequired = "if_required",
        /// Never; `return_url` must not be set.
        Never = "never",
    }
);

stripe_enum!(
    /// Whether a price includes tax.
    TaxBehavior {
        /// The price excludes tax.
        Exclusive = "exclusive",
        /// The price includes tax.
        Inclusive = "inclusive",
        /// Not specified yet.
        Unspecified = "unspecified",
    }
);

stripe_enum!(
    /// The billing interval of a recurring price.
    RecurringInterval {
        /// Daily.
        Day = "day",
        /// Weekly.
        Week = "week",
        /// Monthly.
        Month = "month",
        /// Yearly.
        Year = "year",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let mode: UiMode = serde_json::from_str("\"embedded_page\"").unwrap();
        assert_eq!(mode, UiMode::EmbeddedPage);
        let future: UiMode = serde_json::from_str("\"hologram\"").unwrap();
        assert_eq!(future, UiMode::Unknown("hologram".into()));
        assert_eq!(serde_json::to_string(&future).unwrap(), "\"hologram\"");
        assert_eq!(PermissionOwner::ServerOnly.to_string(), "server_only");
        assert_eq!(
            "no_payment_required".parse::<PaymentStatus>().unwrap(),
            PaymentStatus::NoPaymentRequired
        );
    }
}
