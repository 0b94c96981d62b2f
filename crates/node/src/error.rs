//! The one place where binding-level failures become JavaScript errors. Validation failures are
//! never errors: they come back as data.

pub enum BindingError {
    /// An argument that is neither JSON text (string) nor bytes (Buffer/Uint8Array).
    NotJsonInput { index: Option<u32>, found: napi::ValueType },
    /// A message index outside the compiled table (the facade only passes indices it looked up).
    UnknownMessage { index: u32 },
    /// A protocol index outside `Protocol::ALL`.
    UnknownProtocol { index: u32 },
    /// The bytes entry points got something that is not a Uint8Array (a Buffer is one).
    NotBytes,
    /// The string entry points got something that is not a string.
    NotText,
}

impl std::fmt::Display for BindingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BindingError::NotJsonInput { index, found } => {
                let at = index.map(|i| format!(" at index {i}")).unwrap_or_default();
                write!(f, "expected a string, Buffer or Uint8Array{at}, got {found}")
            }
            BindingError::UnknownMessage { index } => {
                write!(f, "no message with index {index} (there are {})", ocpp_validate_core::schemas::ALL.len())
            }
            BindingError::UnknownProtocol { index } => {
                write!(f, "no protocol with index {index} (there are {})", ocpp_validate_core::Protocol::ALL.len())
            }
            BindingError::NotBytes => f.write_str("expected a Buffer or Uint8Array"),
            BindingError::NotText => f.write_str("expected a string"),
        }
    }
}

impl From<BindingError> for napi::Error {
    fn from(e: BindingError) -> Self {
        napi::Error::new(napi::Status::InvalidArg, e.to_string())
    }
}
