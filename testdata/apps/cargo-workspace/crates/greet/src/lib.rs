/// A greeting for `name`, numbered with `itoa`.
pub fn hello(name: &str, n: u32) -> String {
    let mut buf = itoa::Buffer::new();
    format!("hello #{}, {name}", buf.format(n))
}

/// Any serde-serialisable value, rendered through a `Serializer` of the caller's choice.
pub fn describe<S: serde::Serializer>(s: S, name: &str) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hello(name, 1))
}
