//! The custom fields of a session's page as the session object reports them, with what the
//! customer entered ([`SessionCustomField`]); fulfilment reads them once the session completes.
//!
//! The params that add the fields are in `custom_fields.rs`.

use crate::checkout::{CustomFieldLabelType, CustomFieldType};
use crate::declare::model::model;

model! {
    /// One custom field of the page (`custom_fields[]`), with the customer's answer.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::CheckoutSession;
    ///
    /// let session: CheckoutSession = serde_json::from_str(
    ///     r#"{"id": "cs_test_1", "custom_fields": [{
    ///         "key": "engraving", "type": "text", "optional": false,
    ///         "label": {"type": "custom", "custom": "Engraving"},
    ///         "text": {"value": "For Ada", "default_value": null,
    ///                  "maximum_length": 20, "minimum_length": null}
    ///     }]}"#,
    /// )?;
    /// let field = session.custom_field("engraving").unwrap();
    /// assert_eq!(field.value(), Some("For Ada"));
    /// assert_eq!(field.label.as_ref().and_then(|l| l.custom.as_deref()), Some("Engraving"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SessionCustomField {
        /// The choices of a `dropdown` field, and the one picked.
        pub dropdown: Option<SessionCustomFieldDropdown>,
        /// Your key for the field.
        pub key: String,
        /// The label shown.
        pub label: Option<SessionCustomFieldLabel>,
        /// The input of a `numeric` field.
        pub numeric: Option<SessionCustomFieldInput>,
        /// Whether the customer may leave the field empty.
        pub optional: bool,
        /// The input of a `text` field.
        pub text: Option<SessionCustomFieldInput>,
        /// The kind of field.
        pub type_ as "type": Option<CustomFieldType>,
    }
}

impl SessionCustomField {
    /// What the customer entered or picked, whatever the kind of field; `None` until they
    /// answer, or when they left an optional field empty.
    pub fn value(&self) -> Option<&str> {
        fn entered(input: &Option<SessionCustomFieldInput>) -> Option<&str> {
            input.as_ref().and_then(|i| i.value.as_deref())
        }
        entered(&self.text)
            .or_else(|| entered(&self.numeric))
            .or_else(|| self.dropdown.as_ref().and_then(|d| d.value.as_deref()))
    }
}

model! {
    /// A custom field's label (`custom_fields[].label`).
    pub struct SessionCustomFieldLabel {
        /// The label's text.
        pub custom: Option<String>,
        /// The kind of label: `custom`.
        pub type_ as "type": Option<CustomFieldLabelType>,
    }
}

model! {
    /// A `dropdown` field's choices and answer (`custom_fields[].dropdown`).
    pub struct SessionCustomFieldDropdown {
        /// The choice preselected, by its value.
        pub default_value: Option<String>,
        /// The choices offered.
        pub options: Vec<SessionCustomFieldOption>,
        /// The value of the choice the customer picked.
        pub value: Option<String>,
    }
}

model! {
    /// One choice of a `dropdown` field.
    pub struct SessionCustomFieldOption {
        /// The text shown.
        pub label: Option<String>,
        /// The value stored when it is picked.
        pub value: Option<String>,
    }
}

model! {
    /// The input of a `text` or `numeric` field and the customer's answer.
    pub struct SessionCustomFieldInput {
        /// The value prefilled.
        pub default_value: Option<String>,
        /// The most characters accepted.
        pub maximum_length: Option<i64>,
        /// The fewest characters accepted.
        pub minimum_length: Option<i64>,
        /// What the customer entered.
        pub value: Option<String>,
    }
}
