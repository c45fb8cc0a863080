//! The string enums of Checkout Sessions (mode, UI mode, status, permission owners, …), shared
//! by the session model and the request parameters.
//!
//! Each one is `#[non_exhaustive]` with an `Unknown(String)` fallback (see the crate's
//! forward-compatibility guarantee); coupon enums live in [`discounts`](crate::discounts).

use crate::stripe_enum::stripe_enum;

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
    /// How the Checkout page is presented. The dynamic-discounts flow uses [`UiMode::Custom`]
    /// (called `elements` in newer API versions).
    UiMode {
        /// Your own page built with Stripe Elements (`custom`, API versions up to basil).
        Custom = "custom",
        /// Embedded in your site.
        Embedded = "embedded",
        /// Stripe's hosted page.
        Hosted = "hosted",
        /// Your own page built with Stripe Elements (newer name of `custom`).
        Elements = "elements",
        /// Embedded page (newer name of `embedded`).
        EmbeddedPage = "embedded_page",
        /// A form integration.
        Form = "form",
        /// Stripe's hosted page (newer name of `hosted`).
        HostedPage = "hosted_page",
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
