//! The generated tables must say exactly what the schema files say.
use ocpp_validate_core::{schemas, Format, JsonType, Node};
use serde_json::Value;

fn check(node: &Node, json: &Value, at: &str) {
    let obj = json.as_object().unwrap_or_else(|| panic!("{at}: not an object"));
    let ty = obj.get("type").map(|t| t.as_str().unwrap());
    assert_eq!(node.json_type().map(JsonType::as_str), ty, "{at}: type");
    let want_enum: Option<Vec<&str>> =
        obj.get("enum").map(|e| e.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect());
    assert_eq!(node.enum_values().map(|e| e.to_vec()), want_enum, "{at}: enum");
    assert_eq!(node.max_length().map(u64::from), obj.get("maxLength").map(|m| m.as_u64().unwrap()), "{at}: maxLength");
    assert_eq!(node.format().map(Format::as_str), obj.get("format").map(|f| f.as_str().unwrap()), "{at}: format");
    assert_eq!(
        node.multiple_of().map(|m| m.text().parse::<f64>().unwrap()),
        obj.get("multipleOf").map(|m| m.as_f64().unwrap()),
        "{at}: multipleOf"
    );
    assert_eq!(
        node.additional_properties(),
        obj.get("additionalProperties").map(|a| a.as_bool().unwrap()).unwrap_or(true),
        "{at}: additionalProperties"
    );
    let want_req: Vec<&str> = obj
        .get("required")
        .map(|r| r.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect())
        .unwrap_or_default();
    let got_req: Vec<&str> = node.required().collect();
    assert_eq!(got_req, want_req, "{at}: required, in the schema's order");

    let props = obj.get("properties").map(|p| p.as_object().unwrap().clone()).unwrap_or_default();
    let got_names: Vec<&str> = node.properties().map(|(n, _)| n).collect();
    let want_names: Vec<&str> = props.keys().map(String::as_str).collect();
    assert_eq!(got_names, want_names, "{at}: properties, in the schema's order");
    for (name, sub) in &props {
        check(node.property(name).unwrap(), sub, &format!("{at}/properties/{name}"));
    }
    match (node.items(), obj.get("items")) {
        (Some(n), Some(j)) => check(n, j, &format!("{at}/items")),
        (None, None) => {}
        _ => panic!("{at}: items"),
    }
}

#[test]
fn tables_match_schema_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/ocpp1.6");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let compiled: Vec<&str> = schemas::ALL.iter().map(|s| s.file()).collect();
    assert_eq!(compiled, files, "every schema file is compiled, and nothing else");
    assert_eq!(files.len(), 56, "OCPP 1.6 has 28 actions, a request and a response each");
    for (i, s) in schemas::ALL.iter().enumerate() {
        assert_eq!(s.index(), i);
        assert_eq!(ocpp_validate_core::find_schema(s.name()).map(|f| f.index()), Some(i));
        let json: Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{}", s.file())).unwrap()).unwrap();
        check(s.root(), &json, s.file());
    }
}

#[test]
fn actions_are_the_requests_and_each_has_a_response() {
    let actions: Vec<&str> = schemas::ACTIONS.iter().map(|s| s.name()).collect();
    assert_eq!(actions.len(), 28);
    for a in &actions {
        assert!(!a.ends_with("Response"));
        let request = ocpp_validate_core::find_schema(a).unwrap();
        let response = ocpp_validate_core::response_schema(request).unwrap();
        assert_eq!(response.name(), format!("{a}Response"));
    }
    for a in ocpp_validate_core::CHARGE_POINT_ACTIONS {
        assert!(actions.contains(&a), "{a}");
    }
    assert!(ocpp_validate_core::find_schema("Foo").is_none());
}

#[test]
fn default_schema_is_stop_transaction() {
    assert_eq!(ocpp_validate_core::DEFAULT_SCHEMA.name(), "StopTransaction");
    let root = ocpp_validate_core::DEFAULT_SCHEMA.root();
    assert_eq!(root.property("reason").unwrap().enum_values().unwrap().len(), 11);
    assert_eq!(root.property("idTag").unwrap().max_length(), Some(20));
}
