//! The one place where binding-level failures become JavaScript errors. Validation failures are
//! never errors: they come back as data.

pub enum BindingError {
    /// An argument that is neither JSON text (string) nor bytes (Buffer/Uint8Array).
    NotJsonInput { index: Option<u32>, found: napi::ValueType },
    /// A message index outside the compiled table (the facade only passes indices it looked up).
    UnknownMessage { index: u32 },
}

impl From<BindingError> for napi::Error {
    fn from(e: BindingError) -> Self {
        match e {
            BindingError::NotJsonInput { index, found } => {
                let at = index.map(|i| format!(" at index {i}")).unwrap_or_default();
                napi::Error::new(napi::Status::InvalidArg, format!("expected a string, Buffer or Uint8Array{at}, got {found}"))
            }
            BindingError::UnknownMessage { index } => napi::Error::new(
                napi::Status::InvalidArg,
                format!("no message with index {index} (there are {})", ocpp_validate_core::schemas::ALL.len()),
            ),
        }
    }
}
