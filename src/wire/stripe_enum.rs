//! The `stripe_enum!` macro: string enums that mirror Stripe values and never fail to parse.
//!
//! Every generated enum is `#[non_exhaustive]` and ends in `Unknown(String)`, so a value Stripe
//! adds tomorrow decodes instead of breaking the whole response. The enums themselves live
//! next to the objects that use them.

/// Declares a Stripe string enum: `stripe_enum!(/// docs \n Name { /// docs \n Variant = "wire", … })`.
///
/// A value Stripe renamed in a later API version is declared under its current name with the
/// former one beside it, `Variant = "wire" [/// docs \n Former = "old"]`: `"old"` parses as the
/// variant, `Name::Former` is an alias of it, and `former_name` gives `"old"` for requests to
/// the versions before the rename.
macro_rules! stripe_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal
               $([ $(#[$ameta:meta])* $alias:ident = $old:literal ])?, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know yet, kept verbatim.
            Unknown(String),
        }

        impl $name {
            $($(
                $(#[$ameta])*
                #[allow(non_upper_case_globals)]
                pub const $alias: Self = Self::$variant;
            )?)+

            /// The value's name before Stripe renamed it, for requests to earlier versions.
            #[allow(dead_code)]
            pub(crate) fn former_name(&self) -> Option<&'static str> {
                match self {
                    $($( Self::$variant => Some($old), )?)+
                    _ => None,
                }
            }

            /// The value as Stripe spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(s) => s,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $wire $(| $old)? => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $crate::wire::encode::Encode for $name {
            fn encode(&self, out: &mut $crate::wire::encode::Writer) {
                out.text(self.as_str());
            }
        }

        impl $crate::wire::model::FromJson for $name {
            fn from_json(
                value: ::serde_json::Value,
            ) -> ::std::result::Result<Self, $crate::wire::model::JsonError> {
                <String as $crate::wire::model::FromJson>::from_json(value).map(|s| Self::from(s.as_str()))
            }
        }

        impl $crate::wire::model::Field for $name {
            const REQUIRED: bool = true;

            fn placeholder() -> Self {
                Self::Unknown(String::new())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(Self::from(&*s))
            }
        }
    };
}

pub(crate) use stripe_enum;
