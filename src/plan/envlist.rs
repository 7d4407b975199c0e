//! An ordered environment with BuildKit's `EnvList` semantics: setting a key
//! moves it to the end, so the exec env order (and op digests) match upstream.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvList {
    entries: Vec<(String, String)>,
}

impl EnvList {
    pub fn new() -> Self {
        EnvList::default()
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn set(&mut self, key: &str, value: &str) {
        self.entries.retain(|(k, _)| k != key);
        self.entries.push((key.to_string(), value.to_string()));
    }

    pub fn set_default(&mut self, key: &str, value: &str) {
        if self.get(key).is_none() {
            self.set(key, value);
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|(k, _)| k != key);
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// `KEY=value` strings in order.
    pub fn to_vec(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|(k, v)| {
                let mut kv = String::with_capacity(k.len() + 1 + v.len());
                kv.push_str(k);
                kv.push('=');
                kv.push_str(v);
                kv
            })
            .collect()
    }
}

impl crate::dockerfile::expand::VarLookup for EnvList {
    fn lookup(&self, name: &str) -> Option<&str> {
        self.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_moves_to_end() {
        let mut e = EnvList::new();
        e.set("A", "1");
        e.set("B", "2");
        e.set("A", "3");
        assert_eq!(e.to_vec(), ["B=2", "A=3"]);
        e.set_default("B", "9");
        assert_eq!(e.get("B"), Some("2"));
    }
}
