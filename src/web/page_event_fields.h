// Page event fields: the questions each chronology event type asks on a form, reading the answers
// back into a domain Event, and describing a recorded event in plain English (the timeline).
//
// Contract:
//  - event_fields(type) lists the fields that type takes (docs/clock.md), named as the JSON API names
//    them ("date", "source", "outcome", "from", "id", "reason", "to", "kind", "transfer_date",
//    "family_agreed", "respond_by", "cease_reason", "consultation_complete", "family_not_appealing")
//    so an app::Error's field links straight to its input. advice_received offers a
//    select of the open advice requests when there are any, else a text input.
//  - read_event reads a FormState into an Event, recording in the state every answer that is missing
//    or unreadable (GOV.UK wording); it returns nullopt when any was. The domain rules (order,
//    future dates, stage) are left to app::Casework, whose errors show_app_error puts on the form.
//  - fill_event puts an Event's values into a FormState (to correct it).
//  - event_details: the event's fields in words ("Outcome: Issue an EHC plan"), empty if none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/event.h"
#include "web/page_form.h"

namespace gt::web {

std::vector<Field> event_fields(EventType type, const std::vector<std::string>& open_advice_ids);
std::optional<Event> read_event(EventType type, FormState& st);
void fill_event(const Event& e, FormState& st);
void show_app_error(FormState& st, const std::vector<Field>& fields, const std::string& field, const std::string& reason);
std::string event_details(const Event& e);
// The SEN2 cease reasons (domain/codes.h cease_reasons) as radio choices: "1".."9" with their labels.
const Choices& cease_reason_choices();

}  // namespace gt::web
