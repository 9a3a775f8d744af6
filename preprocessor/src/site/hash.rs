//! The hasher for the site's maps keyed by paths and term keys: FNV-1a, which is several
//! times faster than the standard library's SipHash on short strings. The keys come from the
//! author's own files, so SipHash's resistance to crafted collisions buys nothing here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with FNV-1a.
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with FNV-1a.
pub type Set<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// 64-bit FNV-1a.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_as_maps() {
        let mut m: Map<&str, usize> = Map::default();
        m.insert("post/a", 1);
        m.insert("post/b", 2);
        assert_eq!(m.get("post/a"), Some(&1));
        assert_eq!(m.get("post/c"), None);
        let mut h1 = Fnv::default();
        h1.write(b"a");
        let mut h2 = Fnv::default();
        h2.write(b"b");
        assert_ne!(h1.finish(), h2.finish());
    }
}
