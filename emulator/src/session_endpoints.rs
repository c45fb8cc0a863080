//! The Checkout Session operations on the emulator's state: create (with its line items,
//! discounts and shipping options), retrieve, update (whole-array line items, shipping options
//! and details, discounts, metadata, trials and payment intent data), expire, list and list
//! line items, each with Stripe's rules for it.
//!
//! The state itself, the clock and the journal are `store`'s; parsing requests and shaping
//! HTTP answers is the server's. Building line items is `line_items`'; which server updates a
//! session takes is `update_rules`'; shipping rates are `shipping`'s.

use serde_json::{Value, json};

use crate::api_shape::canonical_ui_mode;
use crate::catalog::StoredCoupon;
use crate::error_answer::ErrorAnswer;
use crate::held_settings::HeldSettings;
use crate::id_gen::new_id;
use crate::input::{
    self, Clear, CreateSession, DiscountInput, Expand, ListSessions, Page, UpdateSession,
};
use crate::line_items::{check_item_count, check_recurring};
use crate::redemption::{self, Cart};
use crate::session_state::{
    CatalogView, Expansion, SessionStatus, StoredDiscount, StoredSession, StoredShipping,
    settings_of,
};
use crate::store::{Store, apply_metadata, paginate};
use crate::update_rules;

/// The shortest and longest lifetime Stripe allows for a session (30 minutes, 24 hours).
const MIN_LIFETIME: i64 = 30 * 60;
const MAX_LIFETIME: i64 = 24 * 60 * 60;

impl Store {
    pub(crate) fn create_session(&mut self, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: CreateSession = input::read(params)?;
        let expand = Expansion::parse(&p.expand, "")?;
        let now = self.now();
        let ui_mode = canonical_ui_mode(p.ui_mode.as_deref().unwrap_or("hosted_page")).to_owned();
        let embedded = ui_mode != "hosted_page";
        let shown = self.shape.ui_mode(&ui_mode).to_owned();
        let never_redirect = p.redirect_on_completion.as_deref() == Some("never");
        if embedded && p.success_url.is_some() {
            return Err(ErrorAnswer::invalid(
                "success_url",
                format!("`success_url` is not supported in `ui_mode={shown}`; use `return_url`."),
            ));
        }
        if embedded && p.return_url.is_none() && !never_redirect {
            return Err(ErrorAnswer::missing("return_url"));
        }
        if !embedded && p.return_url.is_some() {
            return Err(ErrorAnswer::invalid(
                "return_url",
                format!(
                    "`return_url` is only supported with `ui_mode={}` or `ui_mode={}`.",
                    self.shape.ui_mode("embedded_page"),
                    self.shape.ui_mode("elements"),
                ),
            ));
        }
        if p.customer.is_some() && p.customer_email.is_some() {
            return Err(ErrorAnswer::state(
                Some("customer_email"),
                "You may only specify one of these parameters: customer, customer_email.",
            ));
        }
        if let Some(customer) = &p.customer {
            if !self.customers.contains_key(customer) {
                return Err(ErrorAnswer::no_such_in_params(
                    "customer", customer, "customer",
                ));
            }
        }
        if p.allow_promotion_codes == Some(true) && !p.discounts.is_empty() {
            return Err(ErrorAnswer::state(
                Some("discounts"),
                "You may only specify one of these parameters: allow_promotion_codes, discounts.",
            ));
        }
        let mode = p.mode.clone().ok_or_else(|| ErrorAnswer::missing("mode"))?;
        if mode != "setup" && p.line_items.is_empty() {
            return Err(ErrorAnswer::missing("line_items"));
        }
        let mut line_items = Vec::with_capacity(p.line_items.len());
        for (i, item) in p.line_items.iter().enumerate() {
            line_items.push(self.new_line_item(item, i)?);
        }
        check_item_count(&mode, &line_items)?;
        check_recurring(&mode, &line_items)?;
        let currency = self.common_currency(&line_items)?;
        // "Shipping rates are not available in subscription mode" (the shipping guide).
        if !p.shipping_options.is_empty() && mode != "payment" {
            return Err(ErrorAnswer::state(
                Some("shipping_options"),
                format!("`shipping_options` can only be used in `payment` mode, not `{mode}`."),
            ));
        }
        let shipping = self.resolve_shipping_options(&p.shipping_options, currency.as_deref())?;
        let expires_at = match p.expires_at {
            // Saturating: the clock may be set anywhere through the controls.
            None => now.saturating_add(MAX_LIFETIME),
            Some(at)
                if (now.saturating_add(MIN_LIFETIME)..=now.saturating_add(MAX_LIFETIME))
                    .contains(&at) =>
            {
                at
            }
            Some(_) => {
                return Err(ErrorAnswer::invalid(
                    "expires_at",
                    "The `expires_at` timestamp must be between 30 minutes and 24 hours from \
                     Checkout Session creation.",
                ));
            }
        };
        let id = new_id("cs_test_", 58);
        let mut session = StoredSession {
            client_secret: embedded.then(|| format!("{id}_secret_{}", new_id("", 24))),
            id,
            created: now,
            expires_at,
            mode,
            ui_mode,
            status: SessionStatus::Open,
            payment_status: "unpaid".to_owned(),
            awaiting_payment: false,
            currency,
            line_items,
            discount: None,
            permissions: p.permissions.clone().map(input::Permissions::flattened),
            customer: p.customer.clone(),
            customer_email: p.customer_email.clone(),
            client_reference_id: p.client_reference_id.clone(),
            metadata: Vec::new(),
            return_url: p.return_url.clone(),
            success_url: p.success_url.clone(),
            cancel_url: p.cancel_url.clone(),
            locale: p.locale.clone(),
            allow_promotion_codes: p.allow_promotion_codes,
            shipping: None,
            shipping_options: shipping.rate_ids,
            held: HeldSettings::from_create(params),
            customer_details_email: None,
            settings: settings_of(params),
        };
        if let Some(metadata) = &p.metadata {
            apply_metadata(&mut session.metadata, metadata);
        }
        let cart = self.cart_of(&session);
        session.discount = self.resolve_discounts(&p.discounts, &cart)?;
        self.add_shipping_rates(shipping.new_rates);
        let body = self.render(&session, expand, true);
        self.sessions.push(session);
        Ok(body)
    }

    /// What the redemption rules see of `session`: whether its customer (or, for a guest,
    /// its email) completed a session before counts as a prior purchase.
    fn cart_of(&self, session: &StoredSession) -> Cart {
        let returning = self.sessions.iter().any(|other| {
            other.status == SessionStatus::Complete
                && other.id != session.id
                && match (&session.customer, &session.customer_email) {
                    (Some(customer), _) => other.customer.as_ref() == Some(customer),
                    (None, Some(email)) => {
                        other.customer_email.as_ref() == Some(email)
                            || other.customer_details_email.as_ref() == Some(email)
                    }
                    (None, None) => false,
                }
        });
        Cart {
            currency: session.currency.as_ref().map(|c| c.to_ascii_lowercase()),
            subtotal: session.amount_subtotal(),
            products: session
                .line_items
                .iter()
                .filter_map(|item| item.product_id().map(str::to_owned))
                .collect(),
            customer: session.customer.clone(),
            returning,
        }
    }

    /// Turns requested discounts into the one the session will carry, creating inline
    /// coupons. Checks everything before creating anything.
    fn resolve_discounts(
        &mut self,
        discounts: &[DiscountInput],
        cart: &Cart,
    ) -> Result<Option<StoredDiscount>, ErrorAnswer> {
        let discount = match discounts {
            [] => return Ok(None),
            [one] => one,
            _ => {
                return Err(ErrorAnswer::invalid(
                    "discounts",
                    "You may only apply one discount to a Checkout Session.",
                ));
            }
        };
        let now = self.now();
        if let Some(id) = &discount.coupon {
            let param = "discounts[0][coupon]";
            let coupon = self
                .coupons
                .get(id)
                .ok_or_else(|| ErrorAnswer::no_such_in_params("coupon", id, param))?;
            redemption::check_coupon(coupon, cart, now, param)?;
            return Ok(Some(StoredDiscount {
                coupon_id: id.clone(),
                promotion_code_id: None,
            }));
        }
        if let Some(id) = &discount.promotion_code {
            let param = "discounts[0][promotion_code]";
            let promo = self
                .promotion_code(id)
                .ok_or_else(|| ErrorAnswer::no_such_in_params("promotion_code", id, param))?;
            redemption::check_code(promo, cart, now, param)?;
            let coupon = self
                .coupons
                .get(&promo.coupon_id)
                .ok_or_else(|| ErrorAnswer::no_such_in_params("coupon", &promo.coupon_id, param))?;
            redemption::check_coupon(coupon, cart, now, param)?;
            return Ok(Some(StoredDiscount {
                coupon_id: promo.coupon_id.clone(),
                promotion_code_id: Some(id.clone()),
            }));
        }
        let Some(data) = &discount.coupon_data else {
            return Err(ErrorAnswer::missing("discounts[0][coupon]"));
        };
        // Its terms were checked with the request's params (`rules`).
        let param = "discounts[0][coupon_data]";
        let id = new_id("", 8).to_ascii_uppercase();
        let coupon = StoredCoupon {
            inline: true,
            ..StoredCoupon::from_terms(id.clone(), data, now)
        };
        redemption::check_coupon(&coupon, cart, now, param)?;
        self.insert_coupon(coupon);
        Ok(Some(StoredDiscount {
            coupon_id: id,
            promotion_code_id: None,
        }))
    }

    /// A completed session redeems its discount: the coupon's `times_redeemed` goes up by
    /// one, and the promotion code's too when the discount came from one.
    pub(crate) fn redeem_discount(&mut self, id: &str) {
        let Some(discount) = self.session(id).and_then(|s| s.discount.clone()) else {
            return;
        };
        let coupon = match self.coupons.get_mut(&discount.coupon_id) {
            Some(coupon) => Some(coupon),
            None => self.deleted_coupons.get_mut(&discount.coupon_id),
        };
        if let Some(coupon) = coupon {
            coupon.times_redeemed += 1;
        }
        if let Some(code_id) = &discount.promotion_code_id {
            if let Some(code) = self.promotion_codes.iter_mut().find(|c| &c.id == code_id) {
                code.times_redeemed += 1;
            }
        }
    }

    pub(crate) fn retrieve_session(
        &mut self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: Expand = input::read(params)?;
        let expand = Expansion::parse(&p.expand, "")?;
        self.sweep_expired();
        let i = self.session_index(id)?;
        Ok(self.render(&self.sessions[i], expand, true))
    }

    pub(crate) fn update_session(
        &mut self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: UpdateSession = input::read(params)?;
        let expand = Expansion::parse(&p.expand, "")?;
        self.sweep_expired();
        let i = self.session_index(id)?;
        let session = &self.sessions[i];
        if session.status != SessionStatus::Open {
            return Err(ErrorAnswer::state(
                None,
                format!(
                    "This Checkout Session is {} and can no longer be updated.",
                    session.status
                ),
            ));
        }
        update_rules::check(&self.shape, session, &p, self.now())?;

        // Everything is checked against a copy, and objects made inline (coupons, shipping
        // rates) are added only once every check passed, so a failed update changes nothing.
        let mut updated = session.clone();
        if !p.line_items.is_empty() {
            let items = self.updated_line_items(&updated, &p.line_items)?;
            updated.currency = self.common_currency(&items)?.or(updated.currency);
            updated.line_items = items;
        }
        if let Some(metadata) = &p.metadata {
            apply_metadata(&mut updated.metadata, metadata);
        }
        let mut new_rates = Vec::new();
        match &p.shipping_options {
            None => self.check_kept_shipping(&updated)?,
            Some(Clear::Clear) => updated.shipping_options.clear(),
            Some(Clear::Set(options)) => {
                let resolved =
                    self.resolve_shipping_options(options, updated.currency.as_deref())?;
                updated.shipping_options = resolved.rate_ids;
                new_rates = resolved.new_rates;
            }
        }
        if let Some(info) = &p.collected_information {
            if let Some(details) = &info.shipping_details {
                updated.shipping = Some(StoredShipping {
                    name: details.name.clone(),
                    address: details.address.clone(),
                });
            }
        }
        if let Some(data) = &p.subscription_data {
            updated.held.update_subscription_data(data);
        }
        if let Some(data) = &p.payment_intent_data {
            HeldSettings::update(&mut updated.held.payment_intent_data, data);
        }
        if let Some(data) = &p.automatic_tax {
            HeldSettings::update(&mut updated.held.automatic_tax, data);
        }
        if let Some(data) = &p.invoice_creation {
            HeldSettings::update(&mut updated.held.invoice_creation, data);
        }
        match &p.discounts {
            None => {}
            Some(Clear::Clear) => updated.discount = None,
            Some(Clear::Set(list)) => {
                let cart = self.cart_of(&updated);
                updated.discount = self.resolve_discounts(list, &cart)?;
            }
        }
        // New line items may change the currency under the discount the session keeps (a
        // discount set in the same request was checked against them already).
        if !p.line_items.is_empty() {
            let kept = updated
                .discount
                .as_ref()
                .and_then(|d| CatalogView::coupon(self, &d.coupon_id));
            if let (Some(coupon), Some(currency)) = (kept, &updated.currency) {
                if coupon.amount_off.is_some() && coupon.amount_in(currency).is_none() {
                    return Err(ErrorAnswer::invalid(
                        "line_items",
                        format!(
                            "The applied coupon's currency ({}) does not match the line \
                             items' currency ({currency}). Remove or replace the discount in \
                             the same request.",
                            coupon.currency.as_deref().unwrap_or("none")
                        ),
                    ));
                }
            }
        }
        self.add_shipping_rates(new_rates);
        let body = self.render(&updated, expand, false);
        let replaced = std::mem::replace(&mut self.sessions[i], updated);
        if let Some(old) = replaced.discount {
            self.forget_coupon_if_unused(&old.coupon_id);
        }
        for rate in &replaced.shipping_options {
            self.forget_shipping_rate_if_unused(rate);
        }
        Ok(body)
    }

    /// The shipping options a session keeps must still have an amount in its currency after
    /// new line items changed it (Stripe charges shipping in the session's currency).
    fn check_kept_shipping(&self, session: &StoredSession) -> Result<(), ErrorAnswer> {
        let Some(currency) = session.currency.as_deref() else {
            return Ok(());
        };
        let stranded = session.shipping_options.iter().find(|id| {
            self.shipping_rates
                .get(*id)
                .is_some_and(|rate| rate.amount_in(currency).is_none())
        });
        match stranded {
            None => Ok(()),
            Some(id) => Err(ErrorAnswer::invalid(
                "line_items",
                format!(
                    "The shipping rate {id} has no amount in the line items' currency \
                     ({currency}). Replace or clear `shipping_options` in the same request."
                ),
            )),
        }
    }

    pub(crate) fn expire_session(
        &mut self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: Expand = input::read(params)?;
        let expand = Expansion::parse(&p.expand, "")?;
        self.sweep_expired();
        let i = self.session_index(id)?;
        if self.sessions[i].status != SessionStatus::Open {
            return Err(ErrorAnswer::state(
                None,
                format!(
                    "Only Checkout Sessions with a status in [\"open\"] can be expired. This \
                     Checkout Session has a status of \"{}\".",
                    self.sessions[i].status
                ),
            ));
        }
        self.sessions[i].status = SessionStatus::Expired;
        self.emit("checkout.session.expired", i);
        Ok(self.render(&self.sessions[i], expand, true))
    }

    pub(crate) fn list_sessions(&mut self, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: ListSessions = input::read(params)?;
        let expand = Expansion::parse(&p.page.expand, "data.")?;
        self.sweep_expired();
        let matching: Vec<&StoredSession> = self
            .sessions
            .iter()
            .rev()
            .filter(|s| p.status.as_ref().is_none_or(|st| st == s.status.as_str()))
            .filter(|s| p.customer.is_none() || s.customer == p.customer)
            .filter(|s| p.created.as_ref().is_none_or(|f| f.matches(s.created)))
            .filter(|s| {
                // The email collected at completion, as Stripe's `customer_details`.
                p.customer_details
                    .as_ref()
                    .is_none_or(|d| s.customer_details_email.as_deref() == Some(&d.email))
            })
            .filter(|_| {
                [
                    &p.payment_intent,
                    &p.payment_link,
                    &p.subscription,
                    &p.customer_account,
                ]
                .iter()
                .all(|f| f.is_none())
            })
            .collect();
        let page = paginate(&matching, |s| s.id.as_str(), &p.page, "session")?;
        let data: Vec<Value> = page
            .items
            .iter()
            .map(|s| self.render(s, expand, true))
            .collect();
        Ok(json!({
            "object": "list",
            "url": "/v1/checkout/sessions",
            "has_more": page.has_more,
            "data": data,
        }))
    }

    pub(crate) fn list_line_items(
        &mut self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: Page = input::read(params)?;
        let mut products = false;
        for (i, path) in p.expand.iter().enumerate() {
            match path.as_str() {
                "data.price" | "data.discounts" => {}
                "data.price.product" => products = true,
                _ => {
                    return Err(ErrorAnswer::invalid(
                        format!("expand[{i}]"),
                        format!("This property cannot be expanded ({path})."),
                    ));
                }
            }
        }
        let i = self.session_index(id)?;
        let session = &self.sessions[i];
        let items = session.line_items_json(self, products);
        let refs: Vec<&Value> = items.iter().collect();
        let page = paginate(
            &refs,
            |v| v["id"].as_str().unwrap_or_default(),
            &p,
            "line item",
        )?;
        Ok(json!({
            "object": "list",
            "url": format!("/v1/checkout/sessions/{id}/line_items"),
            "has_more": page.has_more,
            "data": page.items.iter().map(|v| (*v).clone()).collect::<Vec<_>>(),
        }))
    }
}
