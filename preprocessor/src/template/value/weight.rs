//! The weight of a value: what printing it would cost. A string weighs its bytes, a list or map
//! one per entry plus what its entries weigh, counted again wherever a list or map is shared
//! (printing prints it again), so `$x = slice $x $x` doubles. Values that templates build are
//! held to a weight and a nesting depth, so printing, comparing or encoding one is bounded
//! and never recurses deeper than the bound. Shared parts are weighed once and remembered.

use super::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// Why a value is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TooBig {
    Deep(usize),
    Heavy(usize),
}

impl std::fmt::Display for TooBig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TooBig::Deep(n) => write!(f, "a value nested deeper than {n} levels"),
            TooBig::Heavy(n) => write!(f, "a value of more than {n} bytes and items"),
        }
    }
}

struct Scale {
    max_depth: usize,
    max_weight: usize,
    /// The weight and height of each list and map met, by address.
    seen: HashMap<usize, (usize, usize)>,
}

impl Value {
    /// The value's weight, or why it is deeper than `max_depth` or heavier than `max_weight`.
    pub fn weight_within(&self, max_depth: usize, max_weight: usize) -> Result<usize, TooBig> {
        let mut scale = Scale {
            max_depth,
            max_weight,
            seen: HashMap::new(),
        };
        scale.weigh(self, 0).map(|(w, _)| w)
    }
}

impl Scale {
    /// The weight and the height of `v`, met `depth` levels down.
    fn weigh(&mut self, v: &Value, depth: usize) -> Result<(usize, usize), TooBig> {
        let address = match v {
            Value::String(s) | Value::Safe(_, s) => return Ok((self.within(s.len())?, 0)),
            Value::List(l) => Arc::as_ptr(l) as usize,
            Value::Map(m) => Arc::as_ptr(m) as usize,
            _ => return Ok((1, 0)),
        };
        if let Some(&(w, h)) = self.seen.get(&address) {
            return self.deep(depth + h).map(|_| (w, h));
        }
        self.deep(depth + 1)?;
        let (mut weight, mut height) = (1usize, 1usize);
        let mut add = |scale: &mut Self, e: &Value, key: usize| -> Result<(), TooBig> {
            let (w, h) = scale.weigh(e, depth + 1)?;
            weight = scale.within(weight.saturating_add(1 + key).saturating_add(w))?;
            height = height.max(h + 1);
            Ok(())
        };
        match v {
            Value::List(l) => l.iter().try_for_each(|e| add(self, e, 0))?,
            Value::Map(m) => m.iter().try_for_each(|(k, e)| add(self, e, k.len()))?,
            _ => {}
        }
        self.seen.insert(address, (weight, height));
        Ok((weight, height))
    }

    fn deep(&self, depth: usize) -> Result<(), TooBig> {
        if depth > self.max_depth {
            Err(TooBig::Deep(self.max_depth))
        } else {
            Ok(())
        }
    }

    fn within(&self, weight: usize) -> Result<usize, TooBig> {
        if weight > self.max_weight {
            Err(TooBig::Heavy(self.max_weight))
        } else {
            Ok(weight)
        }
    }
}
