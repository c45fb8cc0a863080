//! What the Checkout page asks and says beyond the built-in fields: the custom fields the
//! customer fills in ([`CustomField`], `custom_fields`) and the texts shown beside the built-in
//! ones ([`CustomText`], `custom_text`).
//!
//! What the customer entered comes back on the session object.

use crate::declare::params::{params, unchecked};
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// The kind of a custom field (`type`).
    CustomFieldType {
        /// A choice from a list.
        Dropdown = "dropdown",
        /// Digits only.
        Numeric = "numeric",
        /// Free text.
        Text = "text",
    }
);

stripe_enum!(
    /// The kind of a custom field's label (`label[type]`).
    CustomFieldLabelType {
        /// Your own text.
        Custom = "custom",
    }
);

unchecked!(CustomFieldType, CustomFieldLabelType);

params! {
    /// A custom field's label (`label`).
    pub struct CustomFieldLabel {
        /// The text, at most 50 characters (`custom`).
        custom: String => required,
        /// Always `custom` (`type`).
        type_ as "type": CustomFieldLabelType => required,
    }
}

params! {
    /// One choice of a dropdown (`options[]`).
    pub struct CustomFieldOption {
        /// What the customer sees, at most 100 characters (`label`).
        label: String => required,
        /// What you receive, at most 100 letters and digits (`value`).
        value: String => required,
    }
}

params! {
    /// A dropdown's choices (`dropdown`).
    pub struct CustomFieldDropdown {
        /// The choices, 1 to 200 (`options`).
        options: Vec<CustomFieldOption> => required,
        /// The `value` of the choice selected at first (`default_value`).
        default_value: String => into,
    }
}

params! {
    /// The bounds of a text or numeric field (`text`, `numeric`).
    pub struct CustomFieldTextOptions {
        /// The value filled in at first (`default_value`).
        default_value: String => into,
        /// The longest value accepted, at most 255 (`maximum_length`).
        maximum_length: u32 => plain,
        /// The shortest value accepted (`minimum_length`).
        minimum_length: u32 => plain,
    }
}

params! {
    /// A field the customer fills in on the Checkout page (`custom_fields[]`; at most three).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{CustomField, CustomFieldLabel};
    /// use stripe_checkout_client::checkout::enums::{CustomFieldLabelType, CustomFieldType};
    /// use stripe_checkout_client::form;
    ///
    /// let gift = CustomField::new(
    ///     "gift_note",
    ///     CustomFieldLabel::new("Gift note", CustomFieldLabelType::Custom),
    ///     CustomFieldType::Text,
    /// )
    /// .optional(true);
    /// assert_eq!(form::to_pairs(&gift)?.len(), 5);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub struct CustomField {
        /// Your name for the field, at most 200 letters and digits (`key`).
        key: String => required,
        /// Its label (`label`).
        label: CustomFieldLabel => required,
        /// Its kind (`type`).
        type_ as "type": CustomFieldType => required,
        /// The choices of a dropdown (`dropdown`).
        dropdown: CustomFieldDropdown => into,
        /// The bounds of a numeric field (`numeric`).
        numeric: CustomFieldTextOptions => into,
        /// Whether the customer may leave it empty (`optional`).
        optional: bool => plain,
        /// The bounds of a text field (`text`).
        text: CustomFieldTextOptions => into,
    }
}

params! {
    /// A text shown on the Checkout page (`custom_text[…]`).
    pub struct CustomTextMessage {
        /// The text, at most 1,200 characters, with Markdown links (`message`).
        message: String => required,
    }
}

params! {
    /// Texts shown beside the built-in parts of the Checkout page (`custom_text`).
    pub struct CustomText {
        /// After the payment button (`after_submit`).
        after_submit: CustomTextMessage => into,
        /// Beside the shipping address (`shipping_address`).
        shipping_address: CustomTextMessage => into,
        /// Beside the payment button (`submit`).
        submit: CustomTextMessage => into,
        /// In place of the terms of service agreement text (`terms_of_service_acceptance`).
        terms_of_service_acceptance: CustomTextMessage => into,
    }
}
