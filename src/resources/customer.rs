//! Stripe's customer object as a session's `customer` field expands to ([`Customer`]), with
//! the postal address ([`PostalAddress`]) and tax exemption ([`TaxExempt`]) that sessions
//! also report for the customer details they collect.

use std::collections::HashMap;

use crate::declare::model::model;
use crate::expand::Object;
use crate::ids::CustomerId;
use crate::wire::stripe_enum::stripe_enum;

fn customer_object() -> String {
    "customer".to_owned()
}

model! {
    /// A Stripe customer (`"object": "customer"`), as the session's `customer` field expands to.
    ///
    /// Only the fields a checkout integration commonly reads are typed; the rest are ignored.
    pub struct Customer {
        /// Unique identifier for the customer (`cus_…`).
        pub id: CustomerId,
        /// The object's type: `customer`.
        pub object: String = customer_object(),
        /// The customer's address.
        pub address: Option<PostalAddress>,
        /// When the customer was created, in seconds since the Unix epoch.
        pub created: Option<i64>,
        /// `true` when the customer was deleted (Stripe then sends only `id`, `object` and this).
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        pub deleted: bool,
        /// An arbitrary description.
        pub description: Option<String>,
        /// The customer's email address.
        pub email: Option<String>,
        /// `true` in live mode, `false` in test mode.
        pub livemode: bool,
        /// Your key-value pairs stored on the customer (empty when none).
        pub metadata: HashMap<String, String>,
        /// The customer's full name or business name.
        pub name: Option<String>,
        /// The customer's phone number.
        pub phone: Option<String>,
        /// The customer's tax exemption status.
        pub tax_exempt: Option<TaxExempt>,
    }
}

impl Object for Customer {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

model! {
    /// A postal address as Stripe returns it: every part may be `null`.
    ///
    /// The request parameter counterpart, with its required parts, is
    /// [`Address`](crate::checkout::Address).
    #[derive(Default, Eq)]
    pub struct PostalAddress {
        /// City, district, suburb, town or village.
        pub city: Option<String>,
        /// Two-letter ISO country code (`US`).
        pub country: Option<String>,
        /// Street, PO box or company name.
        pub line1: Option<String>,
        /// Apartment, suite, unit or building.
        pub line2: Option<String>,
        /// ZIP or postal code.
        pub postal_code: Option<String>,
        /// State, county, province or region.
        pub state: Option<String>,
    }
}

stripe_enum!(
    /// A customer's tax exemption status.
    TaxExempt {
        /// Not exempt.
        None = "none",
        /// Exempt.
        Exempt = "exempt",
        /// Reverse charge applies.
        Reverse = "reverse",
    }
);
