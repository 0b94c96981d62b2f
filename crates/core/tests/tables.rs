//! The generated tables must say exactly what the schema files say.
use ocpp_validate_core::{schemas, Format, JsonType, Node, Protocol};
use serde_json::Value;

/// `json` with its `$ref` (a local `#/definitions/X`) followed, against the file's root `doc`.
fn resolve<'a>(doc: &'a Value, mut json: &'a Value) -> &'a Value {
    for _ in 0..16 {
        let Some(target) = json.get("$ref").and_then(Value::as_str) else {
            return json;
        };
        json = &doc["definitions"][target.strip_prefix("#/definitions/").expect("a local reference")];
    }
    panic!("reference chain too long")
}

fn check(doc: &Value, node: &Node, json: &Value, at: &str) {
    let json = resolve(doc, json);
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
    assert_eq!(node.minimum().map(|b| b.value()), obj.get("minimum").map(|m| m.as_f64().unwrap()), "{at}: minimum");
    assert_eq!(node.maximum().map(|b| b.value()), obj.get("maximum").map(|m| m.as_f64().unwrap()), "{at}: maximum");
    assert_eq!(node.min_items().map(u64::from), obj.get("minItems").map(|m| m.as_u64().unwrap()), "{at}: minItems");
    assert_eq!(node.max_items().map(u64::from), obj.get("maxItems").map(|m| m.as_u64().unwrap()), "{at}: maxItems");
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
        check(doc, node.property(name).unwrap(), sub, &format!("{at}/properties/{name}"));
    }
    match (node.items(), obj.get("items")) {
        (Some(n), Some(j)) => check(doc, n, j, &format!("{at}/items")),
        (None, None) => {}
        _ => panic!("{at}: items"),
    }
}

#[test]
fn tables_match_schema_files() {
    let mut index = 0;
    for (protocol, count) in [(Protocol::Ocpp16, 56), (Protocol::Ocpp201, 128), (Protocol::Ocpp21, 181)] {
        let dir = format!("{}/schemas/{}", env!("CARGO_MANIFEST_DIR"), protocol.as_str());
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        files.sort();
        let compiled: Vec<&str> = protocol.schemas().iter().map(|s| s.file()).collect();
        assert_eq!(compiled, files, "every {} schema file is compiled, and nothing else", protocol.as_str());
        assert_eq!(files.len(), count);
        for s in protocol.schemas() {
            assert_eq!(s.index(), index, "protocols follow each other in ALL");
            assert!(std::ptr::eq(schemas::ALL[index], *s));
            assert_eq!(s.protocol(), protocol);
            assert_eq!(ocpp_validate_core::find_schema_in(protocol, s.name()).map(|f| f.index()), Some(index));
            let json: Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{}", s.file())).unwrap()).unwrap();
            check(&json, s.root(), &json, s.file());
            index += 1;
        }
    }
    assert_eq!(schemas::ALL.len(), index);
}

#[test]
fn actions_are_the_requests_and_each_has_a_response() {
    let directions: Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/directions.json")).unwrap())
            .unwrap();
    for (protocol, count, station_key) in [
        (Protocol::Ocpp16, 28, "chargePoint"),
        (Protocol::Ocpp201, 64, "chargingStation"),
        (Protocol::Ocpp21, 91, "chargingStation"),
    ] {
        let actions = protocol.actions();
        assert_eq!(actions.len(), count, "{}", protocol.as_str());
        for a in actions {
            let request_name = if protocol.is_2x() && a.name() != "NotifyPeriodicEventStream" {
                format!("{}Request", a.name())
            } else {
                a.name().to_string()
            };
            assert_eq!(a.request().name(), request_name);
            assert!(std::ptr::eq(protocol.action(a.name()).unwrap(), a));
            let response = ocpp_validate_core::response_schema(a.request());
            assert_eq!(
                response.map(|r| r.name().to_string()),
                (a.name() != "NotifyPeriodicEventStream").then(|| format!("{}Response", a.name()))
            );
            let listed = directions[protocol.as_str()][station_key].as_array().unwrap().iter().any(|n| n == a.name());
            assert_eq!(a.station_initiated(), listed, "{}", a.name());
        }
        assert!(protocol.action("Foo").is_none());
    }
    for a in ocpp_validate_core::CHARGE_POINT_ACTIONS {
        assert!(Protocol::Ocpp16.action(a).unwrap().station_initiated(), "{a}");
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
