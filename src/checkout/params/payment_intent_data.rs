//! The payment a `payment` mode session creates ([`PaymentIntentData`],
//! `payment_intent_data`: capture, future usage, descriptors, shipping, Connect transfers) and
//! the setup a `setup` mode session creates ([`SetupIntentData`], `setup_intent_data`).

use crate::declare::params::{params, unchecked};
use crate::metadata::Metadata;
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// When the payment's funds are captured (`capture_method`).
    CaptureMethod {
        /// As soon as the customer authorizes the payment.
        Automatic = "automatic",
        /// Automatically, asynchronously.
        AutomaticAsync = "automatic_async",
        /// When you capture it yourself.
        Manual = "manual",
    }
);

stripe_enum!(
    /// Whether the payment method is saved for later payments (`setup_future_usage`).
    SetupFutureUsage {
        /// For payments the customer is not present for.
        OffSession = "off_session",
        /// For payments while the customer is present.
        OnSession = "on_session",
    }
);

unchecked!(CaptureMethod, SetupFutureUsage);

params! {
    /// A postal address for shipping (`shipping[address]`): only the first line is required.
    pub struct ShippingAddress {
        /// The first address line (`line1`).
        line1: String => required,
        /// The city or locality (`city`).
        city: String => into,
        /// Two-letter ISO country code (`country`).
        country: String => into,
        /// The second address line, if any (`line2`).
        line2: String => into,
        /// The postal code (`postal_code`).
        postal_code: String => into,
        /// The state or region (`state`).
        state: String => into,
    }
}

params! {
    /// Where and how the order ships (`shipping`).
    pub struct PaymentShipping {
        /// The address (`address`).
        address: ShippingAddress => required,
        /// The recipient's name (`name`).
        name: String => required,
        /// The carrier (`carrier`).
        carrier: String => into,
        /// The recipient's phone number (`phone`).
        phone: String => into,
        /// The carrier's tracking number (`tracking_number`).
        tracking_number: String => into,
    }
}

params! {
    /// Where the payment's funds go, for Connect (`transfer_data`).
    pub struct PaymentTransferData {
        /// The connected account (`acct_…`) that receives them (`destination`).
        destination: String => required,
        /// How much is sent, in the currency's smallest unit (`amount`).
        amount: i64 => plain,
    }
}

params! {
    /// The payment a `payment` mode session creates (`payment_intent_data`). Only for
    /// `SessionMode::Payment`; other modes refuse it locally.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::enums::CaptureMethod;
    /// use stripe_checkout_client::checkout::params::PaymentIntentData;
    /// use stripe_checkout_client::form;
    ///
    /// let data = PaymentIntentData::new()
    ///     .capture_method(CaptureMethod::Manual)
    ///     .metadata("order", "42")
    ///     .statement_descriptor_suffix("ORDER 42");
    /// assert_eq!(
    ///     form::to_pairs(&data)?,
    ///     [
    ///         ("capture_method".to_owned(), "manual".to_owned()),
    ///         ("metadata[order]".to_owned(), "42".to_owned()),
    ///         ("statement_descriptor_suffix".to_owned(), "ORDER 42".to_owned()),
    ///     ]
    /// );
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub struct PaymentIntentData {
        /// Your platform's fee, in the currency's smallest unit (`application_fee_amount`;
        /// Connect).
        application_fee_amount: i64 => plain,
        /// When the funds are captured (`capture_method`).
        capture_method: CaptureMethod => into,
        /// A description of the payment (`description`).
        description: String => into,
        /// Metadata stored on the payment intent (`metadata`): one key per call.
        metadata: Metadata => metadata,
        /// The connected account the payment is made for (`on_behalf_of`; Connect).
        on_behalf_of: String => into,
        /// Where Stripe sends the receipt (`receipt_email`).
        receipt_email: String => into,
        /// Whether the payment method is saved for later (`setup_future_usage`).
        setup_future_usage: SetupFutureUsage => into,
        /// Where and how the order ships (`shipping`).
        shipping: PaymentShipping => into,
        /// The text on the customer's statement for card and non-card payments
        /// (`statement_descriptor`).
        statement_descriptor: String => into,
        /// Text added to your account's statement descriptor for card payments
        /// (`statement_descriptor_suffix`).
        statement_descriptor_suffix: String => into,
        /// Where the funds go (`transfer_data`; Connect).
        transfer_data: PaymentTransferData => into,
        /// Groups this payment's transfers (`transfer_group`; Connect).
        transfer_group: String => into,
    }
}

params! {
    /// The setup a `setup` mode session creates (`setup_intent_data`). Only for
    /// `SessionMode::Setup`; other modes refuse it locally.
    pub struct SetupIntentData {
        /// A description of the setup (`description`).
        description: String => into,
        /// Metadata stored on the setup intent (`metadata`): one key per call.
        metadata: Metadata => metadata,
        /// The connected account the setup is made for (`on_behalf_of`; Connect).
        on_behalf_of: String => into,
    }
}
