//! How the Checkout page looks for this session ([`BrandingSettings`], `branding_settings`;
//! preview and endive): colours, font, border style, name, icon and logo, overriding the
//! account's branding.

use crate::declare::params::{params, unchecked};
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// The shape of the page's buttons and inputs (`border_style`).
    BorderStyle {
        /// Fully rounded.
        Pill = "pill",
        /// Square corners.
        Rectangular = "rectangular",
        /// Slightly rounded.
        Rounded = "rounded",
    }
);

stripe_enum!(
    /// The page's font (`font_family`).
    FontFamily {
        /// Be Vietnam Pro.
        BeVietnamPro = "be_vietnam_pro",
        /// Bitter.
        Bitter = "bitter",
        /// Chakra Petch.
        ChakraPetch = "chakra_petch",
        /// Stripe's default.
        Default = "default",
        /// Hahmlet.
        Hahmlet = "hahmlet",
        /// Inconsolata.
        Inconsolata = "inconsolata",
        /// Inter.
        Inter = "inter",
        /// Lato.
        Lato = "lato",
        /// Lora.
        Lora = "lora",
        /// M PLUS 1 Code.
        MPlus1Code = "m_plus_1_code",
        /// Montserrat.
        Montserrat = "montserrat",
        /// Noto Sans.
        NotoSans = "noto_sans",
        /// Noto Sans JP.
        NotoSansJp = "noto_sans_jp",
        /// Noto Serif.
        NotoSerif = "noto_serif",
        /// Nunito.
        Nunito = "nunito",
        /// Open Sans.
        OpenSans = "open_sans",
        /// Pridi.
        Pridi = "pridi",
        /// PT Sans.
        PtSans = "pt_sans",
        /// PT Serif.
        PtSerif = "pt_serif",
        /// Raleway.
        Raleway = "raleway",
        /// Roboto.
        Roboto = "roboto",
        /// Roboto Slab.
        RobotoSlab = "roboto_slab",
        /// Source Sans Pro.
        SourceSansPro = "source_sans_pro",
        /// Titillium Web.
        TitilliumWeb = "titillium_web",
        /// Ubuntu Mono.
        UbuntuMono = "ubuntu_mono",
        /// Zen Maru Gothic.
        ZenMaruGothic = "zen_maru_gothic",
    }
);

stripe_enum!(
    /// Where an icon or logo comes from (`type`).
    BrandingImageType {
        /// An uploaded file (`file`).
        File = "file",
        /// A URL (`url`).
        Url = "url",
    }
);

unchecked!(BorderStyle, FontFamily, BrandingImageType);

params! {
    /// An icon or logo (`icon`, `logo`).
    pub struct BrandingImage {
        /// Where it comes from (`type`).
        type_ as "type": BrandingImageType => required,
        /// The uploaded file (`file_…`) when the type is `file` (`file`).
        file: String => into,
        /// The image's URL when the type is `url` (`url`).
        url: String => into,
    }
}

params! {
    /// How the Checkout page looks for this session (`branding_settings`; preview and endive).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::enums::{BorderStyle, FontFamily};
    /// use stripe_checkout_client::checkout::params::BrandingSettings;
    /// use stripe_checkout_client::form;
    ///
    /// let look = BrandingSettings::new()
    ///     .button_color("#0a7cff")
    ///     .border_style(BorderStyle::Pill)
    ///     .font_family(FontFamily::Inter);
    /// assert_eq!(form::to_pairs(&look)?.len(), 3);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub struct BrandingSettings {
        /// The background colour, as a hex code (`background_color`).
        background_color: String => into,
        /// The shape of buttons and inputs (`border_style`).
        border_style: BorderStyle => into,
        /// The buttons' colour, as a hex code (`button_color`).
        button_color: String => into,
        /// The business name shown (`display_name`).
        display_name: String => into,
        /// The font (`font_family`).
        font_family: FontFamily => into,
        /// The icon (`icon`).
        icon: BrandingImage => into,
        /// The logo (`logo`).
        logo: BrandingImage => into,
    }
}
