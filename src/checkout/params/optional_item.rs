//! Items the customer may add to the order on the Checkout page ([`OptionalItem`],
//! `optional_items`), as opposed to the line items they buy in any case.

use crate::declare::params::params;

params! {
    /// Whether the customer may change an optional item's quantity, and within which bounds
    /// (`adjustable_quantity`).
    pub struct OptionalItemQuantity {
        /// Whether they may (`enabled`).
        enabled: bool => required,
        /// The largest quantity, at most 999,999 (`maximum`).
        maximum: u64 => plain,
        /// The smallest quantity, at least 0 (`minimum`).
        minimum: u64 => plain,
    }
}

params! {
    /// An item the customer may add on the page (`optional_items[]`; at most ten).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::OptionalItem;
    /// use stripe_checkout_client::form;
    ///
    /// let socks = OptionalItem::new("price_socks", 1);
    /// assert_eq!(
    ///     form::to_pairs(&socks)?,
    ///     [
    ///         ("price".to_owned(), "price_socks".to_owned()),
    ///         ("quantity".to_owned(), "1".to_owned()),
    ///     ]
    /// );
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub struct OptionalItem {
        /// The price (`price_…`) of the item (`price`).
        price: String => required,
        /// How many units are added at first (`quantity`).
        quantity: u64 => required_plain,
        /// Whether the customer may change the quantity (`adjustable_quantity`).
        adjustable_quantity: OptionalItemQuantity => into,
    }
}
