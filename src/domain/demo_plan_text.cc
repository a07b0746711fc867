// Demo plan text: see demo_plan_text.h. The templates are the kind of wording found in well-written
// EHC plans (specific, quantified provision linked to outcomes) and, for weak plans, the wording
// that tribunals and audits criticise.
#include "domain/demo_plan_text.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "domain/child.h"
#include "domain/codes.h"

namespace gt {
namespace {

// ---------------------------------------------------------------------------------------------
// Randomness (splitmix64: specified by its arithmetic, the same on every platform).

class Stream {
 public:
  explicit Stream(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool percent(int p) { return below(100) < p; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
  }

 private:
  std::uint64_t s_;
};

// ---------------------------------------------------------------------------------------------
// Templates. Placeholders: {n} the child's given name; {in} where (by phase); {adult} the adult
// who supports day to day; {teacher}; {setting} "the school", "the college", "the nursery";
// {lessons}.

enum class Provider { Setting, Ep, Health, Care, Council };

struct ProvisionT {
  PlanSection section;
  const char* what;
  const char* who;
  const char* qualification;
  Provider provider;
  int sessions;
  FrequencyPer per;
  int minutes;
  int group;
  int weeks = 0;  // a time-limited programme: until = from + weeks
};

struct BlockT {
  const char* area;  // broad area for types without one (DS, OTH); nullptr = the type's own
  std::vector<const char*> need;
  std::vector<const char*> outcome;
  std::vector<ProvisionT> provision;
  const char* vague;  // the weak wording of the first provision line
};

struct TypeT {
  const char* code;
  std::vector<BlockT> blocks;
  const char* important;  // section A, the child's voice
  const char* hard;
};

using P = PlanSection;
using F = FrequencyPer;
constexpr const char* kHcpc = "HCPC registered";
constexpr const char* kHcpcPsy = "HCPC registered practitioner psychologist";
constexpr const char* kToD = "qualified teacher of the deaf (mandatory qualification)";
constexpr const char* kQtvi = "qualified teacher of vision impairment (mandatory qualification)";
constexpr const char* kQtmsi = "qualified teacher of multi-sensory impairment (mandatory qualification)";

const std::vector<TypeT>& types() {
  static const std::vector<TypeT> t = {
      {"ASD",
       {{nullptr,
         {"{n} is autistic. {n} finds it hard to start and keep up a conversation, to read other people's faces and "
          "tone of voice, and to join in play or group work without an adult's help.",
          "{n} has a diagnosis of autism. Social communication is {n}'s main difficulty: {n} often misreads what "
          "others mean, takes language literally and can become isolated {in}."},
         {"{n} will take turns in a conversation with a familiar adult or friend, staying on the topic for at least "
          "four exchanges, {in}.",
          "{n} will join a small-group activity with other children for ten minutes, using a visual prompt to ask "
          "to join and to say when they need a break."},
         {{P::F, "Social communication group following a structured programme (for example Lego-based therapy or "
                 "Talkabout), planned with the specialist teacher for autism",
           "{adult} trained in the programme", "", Provider::Setting, 2, F::Week, 30, 4},
          {P::F, "Observation of {n}, advice to staff and review of {n}'s social communication targets",
           "specialist teacher for autism", "qualified teacher with a specialist qualification in autism",
           Provider::Council, 1, F::HalfTerm, 60, 1}},
         "Access to social skills support as required"},
        {nullptr,
         {"{n} finds changes to routine and busy, noisy places very hard. When anxious, {n} may run out of the "
          "room, cover their ears or shut down and stop responding.",
          "{n} is very sensitive to noise, light and touch. Unexpected changes to the day cause {n} high anxiety, "
          "which shows as refusal, withdrawal or distress {in}."},
         {"{n} will use a visual timetable and a 'now and next' board to manage changes to the day, and ask for a "
          "movement or quiet break with a break card, {in}.",
          "{n} will recognise three signs that they are becoming anxious and choose a calming strategy from their "
          "own plan, needing an adult's prompt no more than once a day."},
         {{P::F, "Individual visual timetable and 'now and next' board, prepared each morning and gone through with "
                 "{n} at the start of the day",
           "{adult}", "", Provider::Setting, 1, F::Day, 10, 1},
          {P::F, "Planned sensory breaks in a low-stimulus space, following the sensory plan written by the "
                 "occupational therapist",
           "{adult}", "", Provider::Setting, 3, F::Day, 10, 1},
          {P::F, "Sensory assessment and a written sensory plan for home and school, reviewed each term",
           "occupational therapist", kHcpc, Provider::Health, 1, F::Term, 60, 1}},
         "Opportunities to access a quiet space where possible"},
        {nullptr,
         {"{n} finds it hard to organise themselves, to follow spoken instructions with more than one step and to "
          "start tasks without an adult."},
         {"{n} will follow a three-step written or visual task plan to complete independent work for fifteen "
          "minutes in {lessons}."},
         {{P::F, "Work broken into small steps with a visual task plan, taught and checked with {n}", "{adult}", "",
           Provider::Setting, 5, F::Week, 20, 1},
          {P::F, "Pre-teaching of the key vocabulary of each topic, and a structured work station for independent "
                 "tasks",
           "{teacher} with the {adult}", "", Provider::Setting, 3, F::Week, 20, 3}},
         "Regular adult support in lessons"}},
       "I like things to be the same each day. It helps when people tell me what is happening next and give me "
       "time to answer.",
       "Noisy rooms, lining up and changes I did not know about."},
      {"SLCN",
       {{nullptr,
         {"{n} has a developmental language disorder. {n} uses short, simple sentences, finds it hard to find the "
          "right word and to tell a story in order.",
          "{n}'s expressive language is well below that expected for their age: {n} leaves out grammar words and "
          "struggles to explain their ideas {in}."},
         {"{n} will use sentences of six or more words, with linking words such as 'because' and 'then', to "
          "explain what they did or want, {in}.",
          "{n} will retell a simple event in the right order using a story planner, with no more than two "
          "prompts from an adult."},
         {{P::F, "Speech and language therapy: direct therapy on {n}'s expressive language targets and a written "
                 "programme for staff",
           "speech and language therapist", kHcpc, Provider::Health, 1, F::Fortnight, 30, 1},
          {P::F, "Daily practice of {n}'s speech and language therapy targets, following the therapist's programme",
           "{adult} trained by the speech and language therapist", "", Provider::Setting, 5, F::Week, 15, 1}},
         "Access to speech and language therapy as required"},
        {nullptr,
         {"{n} finds it hard to understand spoken language, especially long instructions, questions beginning "
          "'why' and 'how', and new words taught in class."},
         {"{n} will follow two-part instructions given to the whole class without needing them repeated, and ask "
          "for help when they have not understood, {in}."},
         {{P::F, "Pre-teaching of the key words of each topic with pictures and symbols (Word Aware approach)",
           "{adult}", "", Provider::Setting, 3, F::Week, 20, 4},
          {P::F, "Training for the staff who teach {n} in adapting spoken language: short chunks, visual support "
                 "and checking understanding",
           "speech and language therapist", kHcpc, Provider::Health, 1, F::Year, 90, 0}},
         "Support with understanding instructions as appropriate"},
        {nullptr,
         {"{n}'s speech is hard to understand for people who do not know them well, because several sounds are "
          "replaced (for example 't' for 'k'). {n} is becoming aware of this and is reluctant to speak in class."},
         {"{n} will use the sounds 'k' and 'g' correctly in words and short sentences, so that adults who do not "
          "know {n} understand them most of the time."},
         {{P::F, "Speech sound therapy (for example the Nuffield Dyspraxia Programme), in direct sessions",
           "speech and language therapist", kHcpc, Provider::Health, 1, F::Week, 30, 1, 12},
          {P::F, "Speech sound practice following the therapist's programme",
           "{adult} trained by the speech and language therapist", "", Provider::Setting, 4, F::Week, 10, 1}},
         "Regular speech practice"}},
       "I like it when people wait for me to finish what I am saying.",
       "Finding the right words, and when people talk too fast."},
      {"SEMH",
       {{nullptr,
         {"{n} experiences high levels of anxiety and can become overwhelmed quickly. When this happens {n} may "
          "shout, throw things or leave the room, and takes a long time to calm.",
          "{n} finds it hard to recognise and manage strong feelings. Small setbacks can lead to angry outbursts "
          "{in}, followed by shame and withdrawal."},
         {"{n} will name how they are feeling using the zones of regulation and use an agreed strategy to calm, so "
          "that incidents needing an adult to step in fall to no more than one a week."},
         {{P::F, "Emotional literacy sessions following a planned programme", "emotional literacy support assistant",
           "ELSA trained, supervised by an educational psychologist", Provider::Setting, 1, F::Week, 30, 1},
          {P::F, "Check-in with a trusted adult at the start and end of each day, using a feelings scale",
           "key adult ({adult})", "", Provider::Setting, 2, F::Day, 10, 1}},
         "Access to a calm space and support as needed"},
        {nullptr,
         {"{n} finds it hard to make and keep friendships and to trust adults, following difficult early "
          "experiences. {n}'s attendance has fallen below 80%."},
         {"{n} will attend for at least 95% of sessions and take part in a structured lunchtime club with other "
          "children three times a week."},
         {{P::F, "Structured lunchtime club with a small group of other children", "{adult}", "", Provider::Setting, 3,
           F::Week, 30, 6},
          {P::F, "Consultation with staff and family and review of {n}'s support plan", "educational psychologist",
           kHcpcPsy, Provider::Ep, 1, F::Term, 90, 0}},
         "Regular mentoring"},
        {nullptr,
         {"{n} has gaps in learning because of missed education, and avoids tasks they think they might fail, "
          "especially writing."},
         {"{n} will start a written task within two minutes of being asked and complete at least half a page of "
          "writing in English lessons, using a writing frame."},
         {{P::F, "Small-group catch-up teaching in English and maths, planned by the {teacher}",
           "{adult} trained in the programme", "", Provider::Setting, 3, F::Week, 30, 4},
          {P::F, "Mentoring sessions to set and review {n}'s learning goals", "learning mentor", "", Provider::Setting,
           1, F::Week, 30, 1}},
         "Support to catch up where possible"}},
       "I want people to listen to me and not shout. I like having one person I can go to.",
       "When I get angry and cannot calm down, and when people talk about me."},
      {"SPLD",
       {{nullptr,
         {"{n} has dyslexia. {n}'s reading is accurate but slow and spelling is well below that expected for their "
          "age; working memory and processing speed are relative weaknesses."},
         {"{n} will read texts at their age level at 90 words a minute with good understanding, and spell the 300 "
          "most common words correctly in independent writing."},
         {{P::F, "Structured, cumulative, multisensory literacy programme (for example Units of Sound or Toe by Toe)",
           "{adult} trained in the programme", "", Provider::Setting, 4, F::Week, 20, 1},
          {P::F, "Assessment of progress and advice to staff on {n}'s literacy programme", "specialist teacher",
           "qualified teacher with an approved SpLD qualification (AMBDA or equivalent)", Provider::Council, 1,
           F::Term, 60, 1}},
         "Access to a literacy intervention as required"},
        {nullptr,
         {"{n} has significant difficulties with number: {n} does not yet recall number bonds to ten and relies on "
          "counting on fingers, which slows all maths work."},
         {"{n} will recall number bonds to 20 and times tables to 5 x 5 quickly, and use them to solve two-step "
          "word problems."},
         {{P::F, "Precision teaching of number facts, with progress recorded each session", "{adult}", "",
           Provider::Setting, 5, F::Week, 10, 1},
          {P::F, "Small-group maths teaching with concrete apparatus (for example Numicon or Catch Up Numeracy)",
           "{adult} trained in the programme", "", Provider::Setting, 2, F::Week, 30, 3}},
         "Regular maths support"},
        {nullptr,
         {"{n} has developmental coordination difficulties. Handwriting is slow, tiring and hard to read, and {n} "
          "struggles with organisation and with PE."},
         {"{n} will touch-type at 20 words a minute and use a laptop to record longer pieces of work in {lessons}."},
         {{P::F, "Touch-typing programme, practised with an adult", "{adult}", "", Provider::Setting, 3, F::Week, 15, 1},
          {P::F, "Occupational therapy review of {n}'s fine motor programme and equipment", "occupational therapist",
           kHcpc, Provider::Health, 1, F::Term, 45, 1}},
         "Access to a laptop as appropriate"}},
       "I am good at ideas and talking. I like it when I can show what I know without lots of writing.",
       "Reading out loud, spelling tests and copying from the board."},
      {"MLD",
       {{nullptr,
         {"{n} has moderate learning difficulties: {n} is working well below the level expected for their age in "
          "reading, writing and maths, and needs new learning broken into small steps and repeated often."},
         {"{n} will read and understand simple texts at their level and write three linked sentences with capital "
          "letters and full stops, {in}."},
         {{P::F, "Phonics and reading teaching at {n}'s level", "{adult} trained in the school's phonics programme", "",
           Provider::Setting, 5, F::Week, 20, 3},
          {P::F, "Curriculum adapted to {n}'s level, planned by the {teacher} with the SENCO and reviewed",
           "{teacher} and SENCO", "", Provider::Setting, 1, F::HalfTerm, 45, 0}},
         "Support from an adult in lessons where possible"},
        {nullptr,
         {"{n} has weak working memory and slow processing: {n} forgets instructions and needs extra time to answer "
          "questions and to learn routines."},
         {"{n} will use a personal checklist to remember the steps of familiar routines and tasks, completing them "
          "with no more than one reminder."},
         {{P::F, "Memory and overlearning programme, with the steps practised each session", "{adult}", "",
           Provider::Setting, 3, F::Week, 15, 2},
          {P::F, "Assessment of {n}'s learning and advice to staff", "educational psychologist", kHcpcPsy,
           Provider::Ep, 1, F::Year, 120, 1}},
         "Opportunities to overlearn"},
        {nullptr,
         {"{n} relies heavily on adults to organise belongings, manage money and find their way around."},
         {"{n} will pay for items in a shop, checking the change, and find their way between familiar places {in} "
          "without an adult."},
         {{P::F, "Life-skills sessions on money and shopping, in class and in the community", "{adult}", "",
           Provider::Setting, 1, F::Week, 60, 4},
          {P::F, "Personal checklist and routine taught and reviewed with {n}", "{adult}", "", Provider::Setting, 1,
           F::Week, 15, 1}},
         "Support with independence skills as required"}},
       "I like doing things with my hands and helping. I like it when work is not too hard and I can do it.",
       "Lots of reading, remembering what to do and sums in my head."},
      {"SLD",
       {{nullptr,
         {"{n} has severe learning difficulties and communicates using single words, Makaton signs and symbols. "
          "{n} understands familiar routines but not longer spoken sentences."},
         {"{n} will use a communication book or device to make requests and comments with two-symbol phrases, "
          "{in}."},
         {{P::F, "Intensive interaction and communication sessions using {n}'s communication book",
           "{adult} trained in intensive interaction and Makaton", "", Provider::Setting, 1, F::Day, 20, 1},
          {P::F, "Assessment for and training in an augmentative and alternative communication (AAC) device",
           "speech and language therapist", kHcpc, Provider::Health, 1, F::HalfTerm, 60, 1}},
         "Access to augmentative communication as appropriate"},
        {nullptr,
         {"{n} needs full help from an adult with toileting, dressing and eating, and is learning to do parts of "
          "each routine."},
         {"{n} will take part in dressing and toileting routines, doing at least two steps of each on their own, "
          "with a visual sequence."},
         {{P::F, "Self-care programme (toileting, dressing, eating) taught by backward chaining", "{adult}", "",
           Provider::Setting, 3, F::Day, 15, 1},
          {P::F, "Intimate care plan agreed with the family and reviewed", "SENCO with the family", "",
           Provider::Setting, 1, F::Term, 30, 1}},
         "Personal care support as required"},
        {nullptr,
         {"{n} is working at the early stages of learning (the engagement model and pre-key stage standards) and "
          "needs learning linked to real objects and repeated routines."},
         {"{n} will match and sort objects by colour and size, and count up to five objects one by one."},
         {{P::F, "Teaching in a class of no more than 8 pupils with a teacher and two teaching assistants, following "
                 "a practical, sensory curriculum",
           "teacher experienced in severe learning difficulties, with two {adult}s", "", Provider::Setting, 5,
           F::Week, 300, 8},
          {P::F, "Individual work on early number and matching with real objects", "{adult}", "", Provider::Setting, 4,
           F::Week, 15, 1}},
         "Regular one-to-one support"}},
       "I like music, my family and being with people I know. I show I am happy by smiling and clapping.",
       "Waiting, loud places and when I cannot tell people what I want."},
      {"PMLD",
       {{nullptr,
         {"{n} has profound and multiple learning difficulties. {n} communicates through facial expression, "
          "sounds and body movement, and responds best to familiar voices and touch cues."},
         {"{n} will make a consistent choice between two objects of reference, by looking or reaching, in at least "
          "four out of five chances, {in}."},
         {{P::F, "Intensive interaction sessions and choice-making with objects of reference",
           "{adult} trained in intensive interaction", "", Provider::Setting, 2, F::Day, 15, 1},
          {P::F, "Sensory programme (light, sound, touch) in the sensory room, planned by the teacher", "{adult}", "",
           Provider::Setting, 3, F::Week, 30, 1}},
         "Opportunities to access the sensory room"},
        {nullptr,
         {"{n} uses a wheelchair, has limited voluntary movement and needs moving every two hours to stay "
          "comfortable and avoid pressure sores."},
         {"{n} will use a switch to start a toy or music, showing anticipation and control, in daily sessions."},
         {{P::F, "Switch-based cause-and-effect activities, with equipment set up following the occupational "
                 "therapist's advice",
           "{adult}", "", Provider::Setting, 1, F::Day, 15, 1},
          {P::F, "Moving, handling and positioning following {n}'s moving and handling plan",
           "two {adult}s trained in moving and handling", "", Provider::Setting, 4, F::Day, 10, 1}},
         "Physical support as required"},
        {nullptr,
         {"{n} is at the earliest stages of learning and needs a highly personalised curriculum with a lot of "
          "repetition to build awareness and anticipation."},
         {"{n} will show anticipation of familiar routines (for example smiling at the start of a song) in most "
          "sessions, as recorded in {n}'s engagement profile."},
         {{P::F, "Personalised curriculum in a class of no more than 6 pupils with a high staff ratio",
           "teacher experienced in PMLD, with {adult}s", "", Provider::Setting, 5, F::Week, 300, 6},
          {P::F, "Review of {n}'s engagement profile and progress with the family", "class teacher", "",
           Provider::Setting, 1, F::HalfTerm, 30, 1}},
         "Regular review where possible"}},
       "I like warm water, music and gentle voices. I smile when I hear people I know.",
       "Being moved quickly, being cold and not knowing what is happening."},
      {"HI",
       {{nullptr,
         {"{n} has a moderate to severe hearing loss in both ears and wears hearing aids. {n} misses much of what "
          "is said in noisy rooms and group discussions."},
         {"{n} will follow and join in class discussions using the radio aid, and tell staff when the equipment is "
          "not working, {in}."},
         {{P::F, "Radio aid used in every lesson, checked each morning", "{adult} trained by the teacher of the deaf",
           "", Provider::Setting, 1, F::Day, 5, 1},
          {P::F, "Monitoring, equipment checks and advice to staff", "teacher of the deaf", kToD, Provider::Council, 1,
           F::Fortnight, 60, 1}},
         "Access to a radio aid"},
        {nullptr,
         {"Because of {n}'s hearing loss, {n}'s vocabulary and grammar are behind those of hearing children of the "
          "same age."},
         {"{n} will learn and use the key vocabulary of each topic, using at least eight new words correctly in "
          "speaking and writing each half term."},
         {{P::F, "Pre- and post-tutoring of topic vocabulary", "{adult}", "", Provider::Setting, 3, F::Week, 20, 1},
          {P::F, "Direct language teaching", "teacher of the deaf", kToD, Provider::Council, 1, F::Week, 45, 1}},
         "Regular vocabulary support"},
        {nullptr,
         {"{n} is sometimes left out of fast conversations with friends and has said they feel different because "
          "of their hearing aids."},
         {"{n} will meet other deaf young people and talk confidently about their deafness and the support that "
          "helps them."},
         {{P::F, "Deaf peer group sessions run by the sensory support service", "teacher of the deaf", kToD,
           Provider::Council, 1, F::HalfTerm, 120, 8},
          {P::F, "Deaf awareness session for {n}'s class", "teacher of the deaf", kToD, Provider::Council, 1, F::Year,
           60, 30}},
         "Opportunities to meet other deaf children"}},
       "I like it when people face me when they talk and when it is quiet.",
       "Group work in a noisy room, and when the radio aid does not work."},
      {"VI",
       {{nullptr,
         {"{n} has a severe vision impairment. {n} cannot see the board or standard print and tires quickly when "
          "reading."},
         {"{n} will read all class texts on their own using enlarged print (N24) or a tablet with magnification, "
          "{in}."},
         {{P::F, "All printed materials modified to N24 bold print or provided electronically before the lesson",
           "{adult} trained in modifying materials", "", Provider::Setting, 5, F::Week, 30, 1},
          {P::F, "Teaching of specialist skills and advice to staff", "qualified teacher of vision impairment", kQtvi,
           Provider::Council, 1, F::Fortnight, 60, 1}},
         "Access to enlarged materials where possible"},
        {nullptr,
         {"{n} finds it hard to move around unfamiliar and crowded places safely and relies on adults to guide "
          "them."},
         {"{n} will move around school between lessons on their own using a long cane and routes they have "
          "learned."},
         {{P::F, "Habilitation training (mobility and independent living skills)", "habilitation specialist",
           "qualified habilitation specialist", Provider::Council, 1, F::Week, 45, 1, 12},
          {P::F, "Practice of learned routes with an adult", "{adult}", "", Provider::Setting, 2, F::Week, 15, 1}},
         "Mobility support as required"},
        {nullptr,
         {"{n} writes slowly and cannot read back their own handwriting, which limits how much work {n} can "
          "produce."},
         {"{n} will touch-type at 20 words a minute and use screen-reading software to check their work."},
         {{P::F, "Touch-typing and assistive technology teaching", "qualified teacher of vision impairment", kQtvi,
           Provider::Council, 1, F::Week, 30, 1},
          {P::F, "Typing practice", "{adult}", "", Provider::Setting, 3, F::Week, 15, 1}},
         "Access to assistive technology"}},
       "I like music, audiobooks and being with my friends. I like to do things for myself.",
       "Seeing the board, bright sunlight and places I do not know."},
      {"MSI",
       {{nullptr,
         {"{n} has a combined hearing and vision impairment (multi-sensory impairment). {n} relies on touch, "
          "objects of reference and on-body signing to understand what is happening."},
         {"{n} will anticipate the next activity from an object of reference and respond with a sign or gesture, "
          "{in}."},
         {{P::F, "Intervenor support throughout the school day", "intervenor", "trained intervenor (MSI)",
           Provider::Setting, 5, F::Week, 360, 1},
          {P::F, "Teaching, assessment and advice to staff", "qualified teacher of multi-sensory impairment", kQtmsi,
           Provider::Council, 1, F::Fortnight, 60, 1}},
         "Access to an intervenor as appropriate"},
        {nullptr,
         {"{n} needs a predictable, uncluttered environment with the same tactile cues each day to move around "
          "safely."},
         {"{n} will move between three familiar rooms using tactile markers, with an adult nearby but not "
          "guiding."},
         {{P::F, "Tactile markers and a consistent room layout, set up with the habilitation specialist and checked",
           "{adult}", "", Provider::Setting, 1, F::Week, 30, 1},
          {P::F, "Habilitation sessions", "habilitation specialist", "qualified habilitation specialist",
           Provider::Council, 1, F::Fortnight, 45, 1}},
         "Regular mobility practice"},
        {nullptr,
         {"{n} learns at a slower pace and needs extra time to explore objects by touch before new learning."},
         {"{n} will explore and name (by sign or word) ten familiar objects by touch."},
         {{P::F, "Individual tactile learning sessions", "intervenor", "trained intervenor (MSI)", Provider::Setting, 5,
           F::Week, 20, 1},
          {P::F, "Progress review and planning with the family", "class teacher and teacher of multi-sensory "
                                                                 "impairment",
           "", Provider::Setting, 1, F::Term, 45, 1}},
         "Support where possible"}},
       "I like hugs, vibration toys and being outside in the wind.",
       "When things are moved and when people touch me without telling me first."},
      {"PD",
       {{nullptr,
         {"{n} has cerebral palsy, walks short distances with a walking frame and uses a wheelchair for longer "
          "distances. {n} tires quickly."},
         {"{n} will move around school safely and take part in PE with adaptations, walking with the frame between "
          "at least two lessons each day."},
         {{P::F, "Adapted PE and a daily physical programme set by the physiotherapist",
           "{adult} trained by the physiotherapist", "", Provider::Setting, 1, F::Day, 20, 1},
          {P::F, "Physiotherapy review, programme update and advice to staff", "physiotherapist", kHcpc,
           Provider::Health, 1, F::HalfTerm, 45, 1}},
         "Access to physiotherapy as required"},
        {nullptr,
         {"{n} has weak fine motor control: handwriting is slow and effortful, and {n} struggles with scissors, "
          "rulers and fastenings."},
         {"{n} will record work on a laptop with word prediction, producing as much work as others in the class in "
          "{lessons}."},
         {{P::F, "Laptop with word-prediction software, and lessons in using it", "{adult}", "", Provider::Setting, 2,
           F::Week, 20, 1},
          {P::F, "Occupational therapy: fine motor programme and equipment review", "occupational therapist", kHcpc,
           Provider::Health, 1, F::HalfTerm, 45, 1}},
         "Support with recording where possible"},
        {nullptr,
         {"{n} needs help with toileting and dressing for PE, and feels self-conscious about this."},
         {"{n} will dress for PE on their own, using adapted clothing and fastenings, and direct adults in their own "
          "care."},
         {{P::F, "Personal care in private following {n}'s care plan", "{adult} trained in moving and handling", "",
           Provider::Setting, 2, F::Day, 15, 1},
          {P::F, "Self-care skills programme following the occupational therapist's advice", "{adult}", "",
           Provider::Setting, 2, F::Week, 15, 1}},
         "Personal care as required"}},
       "I like being with my friends, wheelchair basketball and computer games.",
       "Getting tired, stairs and writing a lot."},
      {"DS",
       {{"cognition_and_learning",
         {"{n} has Down syndrome. {n} is a visual learner with a relative strength in reading, but short-term "
          "memory for what is heard is weak, and {n} needs new ideas taught in small steps with a lot of "
          "repetition."},
         {"{n} will read and understand a simple book at their reading level and use numbers to 20 in practical "
          "activities, {in}."},
         {{P::F, "Individual reading programme using whole-word and visual methods (for example See and Learn)",
           "{adult}", "", Provider::Setting, 4, F::Week, 15, 1},
          {P::F, "Advice to staff on adapting the curriculum", "specialist teacher",
           "qualified teacher with a specialist qualification in learning difficulties", Provider::Council, 1,
           F::Term, 60, 1}},
         "Support in class as appropriate"},
        {"communication_and_interaction",
         {"{n}'s speech is unclear and their understanding is ahead of what they can say. {n} uses Makaton signs to "
          "support speech."},
         {"{n} will use three- and four-word phrases, supported by signs, to ask for help and talk about their "
          "day."},
         {{P::F, "Speech and language therapy: direct sessions and a programme for staff",
           "speech and language therapist", kHcpc, Provider::Health, 1, F::Fortnight, 30, 1},
          {P::F, "Language practice following the therapist's programme, with Makaton", "{adult} trained in Makaton",
           "", Provider::Setting, 5, F::Week, 15, 1}},
         "Access to speech therapy as required"},
        {"social_emotional_and_mental_health",
         {"{n} can refuse to move on when asked to change activity, and relies on adults at break and lunchtime."},
         {"{n} will move from one activity to the next with a visual timer, and join a playground game with "
          "friends."},
         {{P::F, "Visual timetable and timers, taught and used with {n}", "{adult}", "", Provider::Setting, 1, F::Day,
           10, 1},
          {P::F, "Structured playground games with a small group of friends", "{adult}", "", Provider::Setting, 3,
           F::Week, 15, 4}},
         "Regular support at playtime"}},
       "I like dancing, my friends and helping. I like it when people show me as well as tell me.",
       "When people talk too fast, and stopping something I like."},
      {"OTH",
       {{"sensory_and_physical",
         {"{n} has a long-term medical condition that causes tiredness and frequent absences for hospital "
          "appointments, so {n} has gaps in learning."},
         {"{n} will catch up on missed learning in English and maths, closing the gap to the level expected for "
          "their age."},
         {{P::F, "Catch-up teaching of missed work", "{teacher}", "", Provider::Setting, 2, F::Week, 30, 3},
          {P::F, "Rest breaks in a quiet room as set out in the individual healthcare plan", "{adult}", "",
           Provider::Setting, 2, F::Day, 10, 1}},
         "Rest breaks as required"},
        {"cognition_and_learning",
         {"{n} has ADHD and finds it hard to keep attention on a task, to wait and to organise work."},
         {"{n} will stay on task for 15 minutes in {lessons}, using a timer and movement breaks."},
         {{P::F, "Movement breaks and a timer-based work plan", "{adult}", "", Provider::Setting, 4, F::Day, 5, 1},
          {P::F, "Coaching in organisation skills", "learning mentor", "", Provider::Setting, 1, F::Week, 30, 1}},
         "Regular movement breaks"},
        {"cognition_and_learning",
         {"Since an acquired brain injury, {n} processes information more slowly, has memory difficulties and tires "
          "quickly."},
         {"{n} will use memory aids (a planner and phone reminders) to manage homework and the timetable."},
         {{P::F, "Teaching of memory strategies and use of a planner", "{adult}", "", Provider::Setting, 2, F::Week, 20,
           1},
          {P::F, "Advice to staff drawing on the neuropsychology report", "educational psychologist", kHcpcPsy,
           Provider::Ep, 1, F::Term, 60, 0}},
         "Support where possible"}},
       "I like it when people understand that some days are harder than others.",
       "Being tired, missing school and catching up."},
  };
  return t;
}

const TypeT* type_of(const std::string& code) {
  for (const auto& t : types())
    if (code == t.code) return &t;
  return nullptr;
}

// Health (C -> G) and social care (D -> H1/H2) blocks.
struct ServiceT {
  const char* need;
  const char* outcome;
  std::vector<ProvisionT> provision;
};

enum Health { Epilepsy, Physio, Feeding, Audiology, Vision, Sleep, MentalHealth };
const ServiceT& health_block(Health h) {
  static const std::array<ServiceT, 7> b = {{
      {"{n} has epilepsy, controlled by medication. Seizures are infrequent but rescue medication must be at hand at "
       "all times.",
       "{n} will take part fully in the life of {setting}, including trips, with their epilepsy safely managed under "
       "their healthcare plan.",
       {{P::G, "Epilepsy care plan written, and staff trained to give rescue medication", "epilepsy specialist nurse",
         "registered nurse (NMC)", Provider::Health, 1, F::Year, 90, 0},
        {P::G, "Review by the community paediatrician", "community paediatrician", "GMC registered", Provider::Health,
         2, F::Year, 30, 1}}},
      {"{n} has tight muscles and reduced strength in the legs and needs a daily stretching programme to prevent "
       "contractures.",
       "{n} will keep their range of movement and walk with their frame for at least 20 metres.",
       {{P::G, "Physiotherapy assessment and a stretching programme for staff to follow", "physiotherapist", kHcpc,
         Provider::Health, 1, F::HalfTerm, 45, 1},
        {P::G, "Stretches following the physiotherapy programme", "{adult} trained by the physiotherapist", "",
         Provider::Setting, 1, F::Day, 20, 1}}},
      {"{n} is fed by gastrostomy and is at risk of choking and aspiration when eating by mouth.",
       "{n} will stay well nourished and safe at mealtimes, enjoying tastes by mouth as set out in the eating and "
       "drinking plan.",
       {{P::G, "Gastrostomy feeds following the dietitian's regime", "{adult} trained by the children's community "
                                                                      "nursing team",
         "", Provider::Setting, 2, F::Day, 30, 1},
        {P::G, "Training and competency checks for staff in gastrostomy care", "children's community nurse",
         "registered nurse (NMC)", Provider::Health, 1, F::Year, 120, 0}}},
      {"{n}'s hearing aids need checking, new ear moulds and retesting as {n} grows.",
       "{n} will wear well-fitting, working hearing aids all day.",
       {{P::G, "Audiology review: hearing test, hearing-aid check and new ear moulds", "paediatric audiologist", kHcpc,
         Provider::Health, 2, F::Year, 45, 1}}},
      {"{n} needs ophthalmology and orthoptic reviews to monitor their eye condition.",
       "{n} will have up-to-date glasses and low-vision aids that suit their current sight.",
       {{P::G, "Ophthalmology and orthoptic review, and low-vision aid assessment", "orthoptist", kHcpc,
         Provider::Health, 2, F::Year, 45, 1}}},
      {"{n} sleeps poorly and eats a very restricted range of foods, which affects their energy and concentration.",
       "{n} will sleep for at least eight hours most nights and try one new food each month.",
       {{P::G, "Sleep and diet review with the community paediatrician, and a written sleep plan",
         "community paediatrician", "GMC registered", Provider::Health, 2, F::Year, 30, 1}}},
      {"{n} has been referred to CAMHS for anxiety and low mood.",
       "{n} will report lower anxiety on the CAMHS measure and use coping strategies at home and at {setting}.",
       {{P::G, "Cognitive behavioural therapy", "clinical psychologist (CAMHS)", kHcpc, Provider::Health, 1,
         F::Fortnight, 50, 1, 16}}},
  }};
  return b[static_cast<std::size_t>(h)];
}

enum Care { ShortBreaks, Community, FamilySupport, PersonalAssistant };
const ServiceT& care_block(Care c) {
  static const std::array<ServiceT, 4> b = {{
      {"{n}'s care needs are high day and night, and the family needs regular breaks to keep caring well.",
       "{n} will enjoy time away from home with carers they trust, and the family will be able to keep caring for "
       "{n} at home.",
       {{P::H1, "Overnight short breaks at Meadowbank short-break centre", "residential care workers",
         "centre registered with Ofsted", Provider::Care, 24, F::Year, 0, 0}}},
      {"{n} cannot take part in clubs and activities in the community without support from an adult they know.",
       "{n} will take part in a community activity of their choice each week with a support worker.",
       {{P::H1, "A support worker to take {n} to a community activity of their choice", "support worker",
         "enhanced DBS check, trained by the provider", Provider::Care, 1, F::Week, 180, 1}}},
      {"{n}'s family is finding it hard to manage {n}'s distress at home, especially the morning and bedtime "
       "routines.",
       "{n} will follow a morning and bedtime routine at home with a visual plan, and the family will report fewer "
       "difficult evenings.",
       {{P::H2, "Family support worker visits to set up routines at home", "family support worker", "",
         Provider::Care, 1, F::Fortnight, 60, 1, 12}}},
      {"{n} wants more independence outside home but needs support to travel, shop and meet friends safely.",
       "{n} will plan and make a trip into town with a friend, with a personal assistant in the background.",
       {{P::H2, "Personal assistant for community activities and independence", "personal assistant",
         "employed through a direct payment", Provider::Care, 2, F::Week, 120, 1}}},
  }};
  return b[static_cast<std::size_t>(c)];
}

// Which health and care blocks, and how often, by primary type.
struct ServiceChance {
  const char* code;
  int health_pct;
  Health health;
  int care_pct;
  Care care;
};
constexpr std::array<ServiceChance, 13> kServices = {{
    {"PMLD", 95, Feeding, 70, ShortBreaks},  {"PD", 85, Physio, 30, Community},
    {"MSI", 80, Audiology, 45, ShortBreaks}, {"SLD", 60, Epilepsy, 45, ShortBreaks},
    {"DS", 55, Audiology, 30, Community},    {"HI", 70, Audiology, 5, FamilySupport},
    {"VI", 60, Vision, 5, Community},        {"ASD", 25, Sleep, 15, FamilySupport},
    {"SEMH", 30, MentalHealth, 25, FamilySupport}, {"OTH", 40, Epilepsy, 10, FamilySupport},
    {"SLCN", 5, Sleep, 5, FamilySupport},    {"MLD", 8, Sleep, 8, FamilySupport},
    {"SPLD", 3, Sleep, 2, FamilySupport},
}};

const ServiceChance& services_of(const std::string& code) {
  for (const auto& s : kServices)
    if (code == s.code) return s;
  return kServices.back();
}

// Preparing for adulthood (from Year 9) and the additions made at review.
const ProvisionT kTravel = {P::F, "Independent travel training: accompanied journeys, then shadowing, then travelling "
                                  "alone on the route to {setting}",
                            "travel trainer", "", Provider::Council, 2, F::Week, 60, 1, 12};
const ProvisionT kCareers = {P::F, "Careers guidance interview and a supported work experience placement",
                             "careers adviser", "qualified careers adviser (Level 6)", Provider::Setting, 1, F::Term,
                             45, 1};
const ProvisionT kTransition = {P::F, "Transition programme for the move to the next phase: extra visits to the new "
                                      "setting and a transition book with photographs",
                                "SENCO", "", Provider::Setting, 3, F::Term, 60, 1};

const std::vector<const char*> kOrphanNeeds = {
    "{n} finds it hard to organise their belongings and remember what they need for each day.",
    "{n} can be very tired in the afternoons, and their concentration drops after lunch.",
    "{n} has difficulty with fine motor tasks such as cutting, fastening buttons and using a ruler.",
    "{n} worries about making mistakes and finds it hard to ask for help.",
};

const std::vector<const char*> kWeakLines = {
    "Access to a quiet area as required", "Regular check-ins with a member of staff",
    "Opportunities to work in a small group where possible", "Support from a teaching assistant as appropriate",
    "Access to ICT to support recording",
};

// ---------------------------------------------------------------------------------------------
// Phases, key stages and words by phase.

enum class Phase { EarlyYears, Primary, Secondary, Post16 };

Phase phase_of(int nc_year) {
  if (nc_year < 0) return Phase::EarlyYears;
  if (nc_year <= 6) return Phase::Primary;
  if (nc_year <= 11) return Phase::Secondary;
  return Phase::Post16;
}

struct Words {
  std::string n, in, adult, teacher, setting, lessons;
};

Words words_for(const std::string& name, Phase ph, const std::string& setting_type) {
  Words w;
  w.n = name;
  switch (ph) {
    case Phase::EarlyYears:
      w.in = "at nursery and at home", w.adult = "key person", w.teacher = "early years teacher",
      w.lessons = "play and group times";
      break;
    case Phase::Primary:
      w.in = "in class and at playtime", w.adult = "teaching assistant", w.teacher = "class teacher",
      w.lessons = "lessons";
      break;
    case Phase::Secondary:
      w.in = "in lessons and around school", w.adult = "teaching assistant", w.teacher = "subject teachers",
      w.lessons = "lessons";
      break;
    case Phase::Post16:
      w.in = "at college, on work placements and in the community", w.adult = "learning support assistant",
      w.teacher = "course tutor", w.lessons = "sessions";
      break;
  }
  std::string_view group = setting_types().group(setting_type);
  if (setting_type == "early_years" || (setting_type.empty() && ph == Phase::EarlyYears)) w.setting = "the nursery";
  else if (group == "post16" || (setting_type.empty() && ph == Phase::Post16)) w.setting = "the college";
  else w.setting = "the school";
  if (group == "post16") w.in = "at college, on work placements and in the community";
  return w;
}

std::string fill(std::string_view tmpl, const Words& w) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    auto close = tmpl.find('}', i);
    auto key = tmpl.substr(i + 1, close - i - 1);
    if (key == "n") out += w.n;
    else if (key == "in") out += w.in;
    else if (key == "adult") out += w.adult;
    else if (key == "teacher") out += w.teacher;
    else if (key == "setting") out += w.setting;
    else if (key == "lessons") out += w.lessons;
    i = close;
  }
  return out;
}

struct StageEnd {
  Date by;
  std::string label;  // "the end of Key Stage 2"
};

// The end of the key stage or phase at least nine months after `day`, capped by the plan's last day.
StageEnd stage_end(Date dob, Date day) {
  int cohort = dob.month() >= 9 ? dob.year() + 1 : dob.year();  // Reception starts 1 September cohort + 4
  auto end_of_year = [&](int nc) { return Date::from_ymd(cohort + 5 + nc, 7, 31); };
  static const std::array<std::pair<int, const char*>, 6> kEnds = {{
      {0, "the Early Years Foundation Stage"}, {2, "Key Stage 1"}, {6, "Key Stage 2"},
      {9, "Key Stage 3"}, {11, "Key Stage 4"}, {13, "Year 13"},
  }};
  Date earliest = day.plus_days(270);
  Date last = last_day_of_plan_age(dob);
  StageEnd out{Date(), ""};
  bool found = false;
  for (const auto& [nc, label] : kEnds)
    if (end_of_year(nc) >= earliest) {
      out = {end_of_year(nc), std::string("the end of ") + label};
      found = true;
      break;
    }
  if (!found) {
    int nc = curriculum_year(dob, day);
    out = {end_of_year(nc + 1), "the end of their study programme"};
    if (out.by < earliest) out.by = end_of_year(nc + 2);
  }
  if (out.by > last) out = {last, "the end of their time with an EHC plan"};
  if (out.by <= day) out.by = day.plus_days(365) > last ? last : day.plus_days(365);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Section A.

const std::vector<const char*>& likes(Phase ph) {
  static const std::array<std::vector<const char*>, 4> l = {{
      {"the sand tray", "bubbles", "songs with actions", "trains", "the swings", "stories at bedtime"},
      {"dinosaurs", "drawing", "Minecraft", "football", "swimming", "animals", "Lego", "dancing"},
      {"gaming", "music", "football", "cooking", "drawing", "animals", "basketball", "films"},
      {"cooking", "music", "my part-time job", "going to the gym", "gaming", "going into town with friends"},
  }};
  return l[static_cast<std::size_t>(ph)];
}

const std::vector<const char*>& hopes(Phase ph) {
  static const std::array<std::vector<const char*>, 4> h = {{
      {"I want to play with other children and tell my family about my day.",
       "I want to go to big school with my friends."},
      {"When I grow up I want to be a vet.", "I want to be a footballer or a builder.",
       "I want to have friends to play with and learn to read chapter books.", "I want to be a chef like my grandad."},
      {"I want to go to college and study animal care.", "I want to get my GCSEs and work with computers.",
       "I want to be a mechanic.", "I want to go to college with my friends and learn to cook."},
      {"I want a job in a café and to live with friends one day.", "I want to work with animals and travel on my own.",
       "I want to do a supported internship and then get a job.", "I want to learn to drive and work in retail."},
  }};
  return h[static_cast<std::size_t>(ph)];
}

// ---------------------------------------------------------------------------------------------

std::string provider_name(Provider p, const DemoPlanInput& in, bool draft, const Words& w) {
  switch (p) {
    case Provider::Setting:
      if (draft || in.setting.name.empty()) return "the school or college named in section I";
      return in.setting.name;
    case Provider::Ep: return in.ep.name;
    case Provider::Health: return in.health.name;
    case Provider::Care: return in.care.name;
    case Provider::Council: return in.council.name;
  }
  (void)w;
  return "";
}

std::int64_t provider_id(Provider p, const DemoPlanInput& in, bool draft) {
  switch (p) {
    case Provider::Setting: return draft ? 0 : in.setting.organisation_id;
    case Provider::Ep: return in.ep.organisation_id;
    case Provider::Health: return in.health.organisation_id;
    case Provider::Care: return in.care.organisation_id;
    case Provider::Council: return in.council.organisation_id;
  }
  return 0;
}

class Builder {
 public:
  Builder(const DemoPlanInput& in, DemoPlanKind kind, Date written)
      : in_(in), kind_(kind), written_(written), structure_(in.seed), tweaks_(in.seed ^ 0x7477656b73ULL) {
    nc_ = curriculum_year(in.date_of_birth, written);
    phase_ = phase_of(nc_);
    w_ = words_for(in.given_name, phase_, in.setting.setting_type);
    end_ = stage_end(in.date_of_birth, written);
    draft_ = kind == DemoPlanKind::Draft;
  }

  Plan build() {
    views();
    // Needs: two blocks of the primary type, one of the secondary; health and care by the primary type.
    const TypeT* primary = type_of(in_.primary);
    const TypeT* secondary = in_.secondary.empty() ? nullptr : type_of(in_.secondary);
    if (!primary) primary = type_of("OTH");
    int first = structure_.below(3), second = (first + 1 + structure_.below(2)) % 3;
    block(*primary, first);
    block(*primary, second);
    if (secondary) block(*secondary, structure_.below(3));
    const auto& svc = services_of(in_.primary);
    if (structure_.percent(svc.health_pct)) service(health_block(svc.health), PlanSection::C);
    if (structure_.percent(svc.care_pct)) service(care_block(svc.care), PlanSection::D);
    placement();
    budget();
    advice();
    if (in_.weak) weaken();
    // Later kinds: the family's say on the draft, then what the review added.
    if (kind_ != DemoPlanKind::Draft) family_say();
    if (kind_ == DemoPlanKind::ProposedAmendments || kind_ == DemoPlanKind::Amended) review_additions();
    if (kind_ != DemoPlanKind::Draft && tweaks_.percent(50)) more_time();
    return std::move(p_);
  }

 private:
  std::string id(PlanSection s) { return next_element_id(p_, s); }
  std::string text(const char* t) const { return fill(t, w_); }

  void views() {
    int age = age_on(in_.date_of_birth, written_);
    bool observed = phase_ == Phase::EarlyYears || in_.primary == "PMLD" || in_.primary == "SLD" ||
                    in_.primary == "MSI";
    const TypeT* t = type_of(in_.primary);
    auto para = [&](std::string heading, std::string body) {
      p_.views.push_back({id(PlanSection::A), std::move(heading), std::move(body)});
    };
    const auto& l = likes(phase_);
    std::string like1 = structure_.pick(l), like2 = structure_.pick(l);
    if (like2 == like1) like2 = l[(std::find(l.begin(), l.end(), like1) - l.begin() + 1) % l.size()];
    std::string about = "I am " + std::to_string(age) + ". I like " + like1 + " and " + like2 + ".";
    if (observed)
      about += " (" + in_.given_name + "'s views were gathered by the people who know " + in_.given_name +
               " best, by watching what " + in_.given_name + " enjoys and how they respond.)";
    para("About me", about);
    para("What is important to me", t ? t->important : "People who listen to me.");
    para("What I find hard", t ? t->hard : "Some lessons.");
    para("My hopes for the future", structure_.pick(hopes(phase_)));
    static const std::vector<const char*> family = {
        "We are proud of how hard {n} works and how kind {n} is. We worry that {n} will fall further behind and "
        "lose confidence without the right help.",
        "{n} is loving and funny at home. We want {n} to be happy, to have friends and to be as independent as "
        "possible.",
        "We have fought for a long time to get {n}'s needs recognised. We want the help in this plan to happen "
        "every week, as written, and to be told if it does not.",
        "{n} has come a long way. We would like {n} to feel settled at {setting} and to keep the staff who know "
        "{n} well.",
    };
    para("What my family say", text(structure_.pick(family)));
  }

  void block(const TypeT& t, int index) {
    const BlockT& b = t.blocks[static_cast<std::size_t>(index)];
    PlanNeed n;
    n.id = id(PlanSection::B);
    n.section = PlanSection::B;
    n.text = text(structure_.pick(b.need));
    n.sen_type = t.code;
    n.broad_area = b.area ? b.area : std::string(broad_area_of(t.code));
    p_.needs.push_back(n);
    std::string o = outcome(text(structure_.pick(b.outcome)), {n.id});
    bool first_line = true;
    for (const auto& pt : b.provision) {
      provision(pt, {o}, first_line ? b.vague : nullptr);
      first_line = false;
    }
  }

  void service(const ServiceT& s, PlanSection section) {
    PlanNeed n;
    n.id = id(section);
    n.section = section;
    n.text = text(s.need);
    p_.needs.push_back(n);
    std::string o = outcome(text(s.outcome), {n.id});
    for (const auto& pt : s.provision) provision(pt, {o}, nullptr);
  }

  std::string outcome(std::string body, std::vector<std::string> needs) {
    PlanOutcome o;
    o.id = id(PlanSection::E);
    o.text = "By " + end_.label + ", " + body;
    o.by = end_.by;
    o.needs = std::move(needs);
    static const std::vector<const char*> steps = {
        "First with an adult alongside, then with a visual prompt, then on their own; progress reviewed each term.",
        "Each term: a small-step target agreed with {n} and the family, checked at the termly review.",
        "",
        "",
    };
    o.steps = text(structure_.pick(steps));
    p_.outcomes.push_back(std::move(o));
    return p_.outcomes.back().id;
  }

  void provision(const ProvisionT& t, std::vector<std::string> outcomes, const char* vague) {
    PlanProvision f;
    f.id = id(t.section);
    f.section = t.section;
    f.what = text(t.what);
    f.delivered_by = text(t.who);
    f.qualification = t.qualification;
    f.provider = provider_name(t.provider, in_, draft_, w_);
    f.provider_organisation_id = provider_id(t.provider, in_, draft_);
    f.sessions = t.sessions;
    f.per = t.per;
    // Minutes vary a little from plan to plan (never below ten for sessions of ten or more).
    int delta = structure_.below(3) - 1;
    f.minutes = t.minutes >= 15 && t.minutes < 120 ? t.minutes + 5 * delta : t.minutes;
    f.group_size = t.group;
    f.from = in_.plan_start;
    if (t.weeks > 0) f.until = in_.plan_start.plus_weeks(t.weeks);
    f.outcomes = std::move(outcomes);
    p_.provision.push_back(std::move(f));
    if (vague) vague_lines_.push_back({p_.provision.size() - 1, vague});
  }

  void placement() {
    if (draft_) {
      p_.placement.kind = "";
      p_.placement.notes =
          "The draft plan does not name a school or college. You can ask for a particular one to be named within 15 "
          "days of receiving this draft.";
      return;
    }
    if (in_.setting.name.empty()) {
      p_.placement.name = std::string(phase_ == Phase::Post16 ? "A further education college" : "A mainstream school");
      p_.placement.kind = "type of setting";
      p_.placement.notes = "No setting has yet agreed to admit " + in_.given_name +
                           "; the council is consulting and will amend this section when a place is agreed.";
      return;
    }
    p_.placement.name = in_.setting.name;
    p_.placement.urn = in_.setting.urn;
    p_.placement.kind = std::string(setting_types().label(in_.setting.setting_type));
  }

  void budget() {
    if (!structure_.percent(12)) return;
    static const std::vector<const char*> uses = {
        "a personal assistant for activities in the community",
        "specialist equipment for learning at home",
        "help with travel to and from {setting}",
    };
    static const std::array<int, 4> amounts = {1200, 2400, 3600, 4800};
    std::string amount = std::to_string(amounts[static_cast<std::size_t>(structure_.below(4))]);
    p_.personal_budget.push_back({id(PlanSection::J), "Personal budget",
                                  "A personal budget of £" + amount.substr(0, amount.size() - 3) + "," +
                                      amount.substr(amount.size() - 3) + " a year for " + text(structure_.pick(uses)) +
                                      ", paid as a direct payment to " + in_.given_name +
                                      "'s family, who arrange it."});
  }

  void advice() {
    static const std::vector<const char*> eps = {"Dr Sian Morgan", "Dr Rahul Mehta", "Joanna Pryce", "Dr Kwame Asante"};
    static const std::vector<const char*> doctors = {"Dr Tomasz Nowak", "Dr Ama Boateng", "Dr Helen Cartwright"};
    static const std::vector<const char*> social = {"Kerry Lambton", "Bilal Hussain", "Rosa Delgado"};
    Date earliest = in_.advice.empty() ? in_.plan_start : in_.advice.front().date;
    for (const auto& a : in_.advice) earliest = std::min(earliest, a.date);
    p_.advice.push_back({id(PlanSection::K), "Parents", "", earliest, "Parental advice and the views of " +
                                                                        in_.given_name});
    for (const auto& a : in_.advice) {
      PlanAdvice k;
      k.id = id(PlanSection::K);
      k.date = a.date;
      switch (a.from) {
        case AdviceFrom::EducationalPsychology:
          k.from = in_.ep.name, k.author = std::string(structure_.pick(eps)) + ", educational psychologist",
          k.title = "Psychological advice";
          break;
        case AdviceFrom::Health:
          k.from = in_.health.name, k.author = std::string(structure_.pick(doctors)) + ", community paediatrician",
          k.title = "Medical advice";
          break;
        case AdviceFrom::SocialCare:
          k.from = in_.care.name, k.author = std::string(structure_.pick(social)) + ", social worker",
          k.title = "Social care advice";
          break;
        case AdviceFrom::Education:
          k.from = in_.setting.name.empty() ? std::string("The child's school or setting") : in_.setting.name;
          k.author = "SENCO";
          k.title = "Educational advice";
          break;
        default:
          k.from = in_.council.name;
          k.author = "Specialist teaching service";
          k.title = "Specialist teacher advice";
          break;
      }
      p_.advice.push_back(std::move(k));
    }
  }

  // Weak plans: two to four kinds of fault, from the structure stream (so every version has them).
  void weaken() {
    std::array<int, 5> kinds = {0, 1, 2, 3, 4};
    for (int i = 4; i > 0; --i) std::swap(kinds[static_cast<std::size_t>(i)], kinds[static_cast<std::size_t>(structure_.below(i + 1))]);
    int count = 2 + structure_.below(3);
    for (int k = 0; k < count; ++k) {
      switch (kinds[static_cast<std::size_t>(k)]) {
        case 0: {  // vague provision, no frequency
          for (std::size_t i = 0; i < vague_lines_.size(); ++i) {
            if (i > 0 && !structure_.percent(40)) continue;
            auto& f = p_.provision[vague_lines_[i].first];
            f.what = text(vague_lines_[i].second);
            f.sessions = 0, f.per = FrequencyPer::None, f.minutes = 0, f.group_size = 0;
          }
          break;
        }
        case 1:  // outcomes with no time frame
          for (std::size_t i = 0; i < p_.outcomes.size(); ++i) {
            if (i > 0 && !structure_.percent(50)) continue;
            auto& o = p_.outcomes[i];
            o.by.reset();
            auto comma = o.text.find(", ");
            if (comma != std::string::npos) {
              o.text = o.text.substr(comma + 2);
              o.text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(o.text[0])));
            }
          }
          break;
        case 2: {  // a need that nothing meets
          PlanNeed n;
          n.id = id(PlanSection::B);
          n.section = PlanSection::B;
          n.text = text(structure_.pick(kOrphanNeeds));
          n.sen_type = in_.primary.empty() ? "OTH" : in_.primary;
          n.broad_area = std::string(broad_area_of(n.sen_type));
          if (n.broad_area.empty()) n.broad_area = "cognition_and_learning";
          std::string need_id = n.id;
          p_.needs.push_back(std::move(n));
          if (structure_.percent(50))  // ... sometimes with an outcome that nothing works towards
            outcome(text("{n} will manage their day with more independence and confidence."), {need_id});
          break;
        }
        case 3: {  // provision with no outcome (and often no frequency)
          PlanProvision f;
          f.id = id(PlanSection::F);
          f.section = PlanSection::F;
          f.what = text(structure_.pick(kWeakLines));
          f.delivered_by = text("{adult}");
          f.provider = provider_name(Provider::Setting, in_, draft_, w_);
          f.provider_organisation_id = provider_id(Provider::Setting, in_, draft_);
          f.from = in_.plan_start;
          p_.provision.push_back(std::move(f));
          break;
        }
        case 4: {  // provision with no deliverer
          auto& f = p_.provision[static_cast<std::size_t>(structure_.below(static_cast<int>(p_.provision.size())))];
          f.delivered_by.clear();
          f.qualification.clear();
          break;
        }
      }
    }
  }

  void family_say() {
    static const std::vector<const char*> say = {
        "We asked for the therapy to be written as sessions each week rather than 'as needed', and for the "
        "school we chose to be named. Both were agreed.",
        "We were happy with the draft. We asked for {n}'s own words to be used in section A.",
        "We asked for more detail about who will deliver the support and for the outcomes to be reviewed each "
        "term.",
    };
    p_.views.push_back({id(PlanSection::A), "What we said about the draft", text(tweaks_.pick(say))});
  }

  void review_additions() {
    Date review = in_.review_date.value_or(written_);
    int nc = curriculum_year(in_.date_of_birth, review);
    std::string first_need = p_.needs.empty() ? std::string() : p_.needs.front().id;
    std::vector<std::string> needs;
    if (!first_need.empty()) needs.push_back(first_need);
    // A need recorded since the plan was written, when the primary type has changed.
    if (!in_.primary_now.empty() && in_.primary_now != in_.primary && in_.primary_now != in_.secondary)
      if (const TypeT* t = type_of(in_.primary_now)) block(*t, 0);
    StageEnd end = stage_end(in_.date_of_birth, review);
    auto add_outcome = [&](std::string body, const ProvisionT& pt) {
      PlanOutcome o;
      o.id = id(PlanSection::E);
      o.text = "By " + end.label + ", " + body;
      o.by = end.by;
      o.needs = needs;
      p_.outcomes.push_back(o);
      PlanProvision f;
      f.id = id(pt.section);
      f.section = pt.section;
      f.what = text(pt.what);
      f.delivered_by = text(pt.who);
      f.qualification = pt.qualification;
      f.provider = provider_name(pt.provider, in_, false, w_);
      f.provider_organisation_id = provider_id(pt.provider, in_, false);
      f.sessions = pt.sessions, f.per = pt.per, f.minutes = pt.minutes, f.group_size = pt.group;
      f.from = review;
      if (pt.weeks > 0) f.until = review.plus_weeks(pt.weeks);
      f.outcomes = {o.id};
      p_.provision.push_back(std::move(f));
    };
    if (nc >= 9) {
      add_outcome(fill("{n} will travel on their own to {setting} by bus, planning the journey and knowing what to "
                       "do if something goes wrong (preparing for adulthood: independent living).",
                       w_),
                  kTravel);
      add_outcome(fill("{n} will complete a work experience placement in an area that interests them and say what "
                       "kind of work they would like (preparing for adulthood: employment).",
                       w_),
                  kCareers);
    } else {
      add_outcome(fill("{n} will move to their next class or school feeling prepared, knowing the new adults, rooms "
                       "and routines.",
                       w_),
                  kTransition);
    }
  }

  // The final plan (and amended plan) gives more time to one line after the family's comments.
  void more_time() {
    std::vector<std::size_t> timed;
    for (std::size_t i = 0; i < p_.provision.size(); ++i)
      if (p_.provision[i].minutes >= 15 && p_.provision[i].minutes < 120) timed.push_back(i);
    if (timed.empty()) return;
    p_.provision[timed[static_cast<std::size_t>(tweaks_.below(static_cast<int>(timed.size())))]].minutes += 10;
  }

  const DemoPlanInput& in_;
  DemoPlanKind kind_;
  Date written_;
  Stream structure_, tweaks_;
  int nc_ = 0;
  Phase phase_ = Phase::Primary;
  Words w_;
  StageEnd end_;
  bool draft_ = false;
  std::vector<std::pair<std::size_t, const char*>> vague_lines_;
  Plan p_;
};

}  // namespace

int curriculum_year(Date dob, Date day) {
  int cohort = dob.month() >= 9 ? dob.year() + 1 : dob.year();
  int academic = day.month() >= 9 ? day.year() : day.year() - 1;
  return academic - (cohort + 5) + 1;
}

Plan demo_plan(const DemoPlanInput& in, DemoPlanKind kind, Date written) { return Builder(in, kind, written).build(); }

}  // namespace gt
