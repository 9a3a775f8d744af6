//! mdBook's `[context, book]` JSON, parsed with serde as a stream: the context gives the
//! settings, then each book item goes to the intake the moment it is parsed, so the other cores
//! read chapters while this one parses the rest.

use super::Run;
use super::intake::Intake;
use crate::config::Settings;
use crate::disk::Walk;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::BookItem;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::sync::Arc;

/// `[context, book]`: the context gives the settings, then each book item goes to the intake
/// as soon as it is parsed.
pub struct Top<'a> {
    pub intake: &'a Intake,
    /// Started once the settings say where the source folder is.
    pub walk: &'a mut Option<Walk>,
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = (PreprocessorContext, Result<Arc<Run>, String>);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = (PreprocessorContext, Result<Arc<Run>, String>);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a [context, book] array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let ctx: PreprocessorContext = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let run = Settings::from_context(&ctx).map(|s| Arc::new(Run::new(s)));
        match &run {
            Ok(run) => {
                *self.walk = Some(Walk::start(&run.settings));
                self.intake.run(run.clone());
                seq.next_element_seed(Items {
                    intake: self.intake,
                })?
                .ok_or_else(|| de::Error::invalid_length(1, &self))?;
            }
            Err(_) => {
                seq.next_element::<IgnoredAny>()?;
            }
        }
        Ok((ctx, run))
    }
}

/// The book: `{"items": [...]}`.
struct Items<'a> {
    intake: &'a Intake,
}

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a book: {\"items\": [...]}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = false;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "items" && !seen {
                seen = true;
                map.next_value_seed(ItemList {
                    intake: self.intake,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !seen {
            return Err(de::Error::missing_field("items"));
        }
        Ok(())
    }
}

/// The book's top-level items, each queued for reading as soon as it is parsed.
struct ItemList<'a> {
    intake: &'a Intake,
}

impl<'de> DeserializeSeed<'de> for ItemList<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ItemList<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of book items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<BookItem>()? {
            self.intake.push(item);
        }
        Ok(())
    }
}
