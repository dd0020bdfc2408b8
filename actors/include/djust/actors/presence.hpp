// Presence semantics as plain data and functions: who is tracked on which topic,
// with several metas per key (one per tab), and the join/leave diffs each change makes.
//
// No actor system is needed here: the pubsub shard actor owns one presence_table
// and only wires messages to these functions (STYLE item 16). Owners are opaque
// ids (the tracking actor's caf::actor_id); when an owner exits the shard calls
// untrack_owner() and broadcasts the leaves it returns.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "djust/template/value.hpp"

namespace djust::pubsub {

// Who tracked a presence: the tracking actor's id.
using owner_id = std::uint64_t;

// One tracked presence of a key: a tab, a device. `ref` is unique within its topic.
struct presence_meta {
  std::string ref;
  owner_id owner = 0;
  tmpl::value meta;  // always a map (null metas are stored as {})
};

// key -> its metas, in tracking order. std::map so lists and diffs are ordered by key.
using presence_list = std::map<std::string, std::vector<presence_meta>>;

// What one change did to a topic: metas that joined and metas that left.
// A key appears in `leaves` with only the metas that left; other tabs stay.
struct presence_diff {
  std::string topic;
  presence_list joins;
  presence_list leaves;
  bool empty() const noexcept { return joins.empty() && leaves.empty(); }
};

// Every presence of every topic one shard owns.
class presence_table {
 public:
  // Tracks (topic, key) for `owner` with `meta` (a map or null; anything else throws
  // std::invalid_argument). Tracking a (topic, key, owner) that is already tracked
  // replaces its meta, as update() does.
  presence_diff track(const std::string& topic, const std::string& key, owner_id owner,
                      tmpl::value meta);
  // Removes every meta `owner` tracks under (topic, key); empty diff if none.
  presence_diff untrack(const std::string& topic, const std::string& key, owner_id owner);
  // Replaces `owner`'s meta for (topic, key): a leave of the old meta and a join of the
  // new one (Phoenix semantics). Empty diff if (topic, key, owner) is not tracked.
  presence_diff update(const std::string& topic, const std::string& key, owner_id owner,
                       tmpl::value meta);
  // Removes everything `owner` tracks (it exited or crashed): one non-empty diff per topic.
  std::vector<presence_diff> untrack_owner(owner_id owner);

  // The topic's presences (empty when nobody is tracked there).
  presence_list list(const std::string& topic) const;
  // The first `limit` keys of list(), in key order: cheap in rooms of thousands.
  presence_list list(const std::string& topic, std::size_t limit) const;
  // Distinct keys present on `topic` (a user in two tabs counts once).
  std::size_t key_count(const std::string& topic) const;
  // True when `owner` tracks anything.
  bool tracks(owner_id owner) const { return by_owner_.count(owner) != 0; }
  // Number of metas on `topic`.
  std::size_t size(const std::string& topic) const;

 private:
  std::string next_ref();

  std::unordered_map<std::string, presence_list> topics_;
  // owner -> the (topic, key) pairs it tracks, for untrack_owner().
  std::unordered_map<owner_id, std::vector<std::pair<std::string, std::string>>> by_owner_;
  std::uint64_t ref_counter_ = 0;
};

// Folds `later` into `earlier` (same topic). Applied as Phoenix clients apply a diff (joins,
// then leaves by ref) it gives the net change. A meta that joined and left within one batch
// stays in both lists: never an empty diff for a change that happened, so a view that
// re-reads list() on every diff also sees the state after it.
void merge(presence_diff& earlier, presence_diff later);

// Phoenix's wire shape: {key: {"metas": [meta + {"phx_ref": ref}, ...]}, ...}.
tmpl::value to_value(const presence_list& list);
// {"joins": to_value(joins), "leaves": to_value(leaves)}.
tmpl::value to_value(const presence_diff& diff);

}  // namespace djust::pubsub
