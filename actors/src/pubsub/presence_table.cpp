// Presence semantics (track, untrack, update, owner cleanup, list) on plain data.
#include <algorithm>
#include <stdexcept>

#include "djust/actors/presence.hpp"

namespace djust::pubsub {

namespace {

tmpl::value checked_meta(tmpl::value meta) {
  if (meta.is_null()) return tmpl::value(tmpl::value_map{});
  if (meta.kind() != tmpl::value_kind::map)
    throw std::invalid_argument("presence meta must be a map or null, got " + meta.repr());
  return meta;
}

void forget_pair(std::vector<std::pair<std::string, std::string>>& pairs, const std::string& topic,
                 const std::string& key) {
  std::erase_if(pairs, [&](const auto& p) { return p.first == topic && p.second == key; });
}

}  // namespace

std::string presence_table::next_ref() { return std::to_string(++ref_counter_); }

presence_diff presence_table::track(const std::string& topic, const std::string& key,
                                    owner_id owner, tmpl::value meta) {
  meta = checked_meta(std::move(meta));
  auto& metas = topics_[topic][key];
  bool known = std::any_of(metas.begin(), metas.end(),
                           [&](const presence_meta& m) { return m.owner == owner; });
  if (known) return update(topic, key, owner, std::move(meta));
  presence_diff diff{topic, {}, {}};
  metas.push_back({next_ref(), owner, std::move(meta)});
  diff.joins[key].push_back(metas.back());
  by_owner_[owner].emplace_back(topic, key);
  return diff;
}

presence_diff presence_table::untrack(const std::string& topic, const std::string& key,
                                      owner_id owner) {
  presence_diff diff{topic, {}, {}};
  auto t = topics_.find(topic);
  if (t == topics_.end()) return diff;
  auto k = t->second.find(key);
  if (k == t->second.end()) return diff;
  auto& metas = k->second;
  for (auto it = metas.begin(); it != metas.end();) {
    if (it->owner == owner) {
      diff.leaves[key].push_back(std::move(*it));
      it = metas.erase(it);
    } else {
      ++it;
    }
  }
  if (metas.empty()) t->second.erase(k);
  if (t->second.empty()) topics_.erase(t);
  if (!diff.leaves.empty()) {
    auto o = by_owner_.find(owner);
    forget_pair(o->second, topic, key);
    if (o->second.empty()) by_owner_.erase(o);
  }
  return diff;
}

presence_diff presence_table::update(const std::string& topic, const std::string& key,
                                     owner_id owner, tmpl::value meta) {
  meta = checked_meta(std::move(meta));
  presence_diff diff{topic, {}, {}};
  auto t = topics_.find(topic);
  if (t == topics_.end()) return diff;
  auto k = t->second.find(key);
  if (k == t->second.end()) return diff;
  for (auto& m : k->second) {
    if (m.owner != owner) continue;
    diff.leaves[key].push_back(m);
    m.ref = next_ref();
    m.meta = meta;
    diff.joins[key].push_back(m);
  }
  return diff;
}

std::vector<presence_diff> presence_table::untrack_owner(owner_id owner) {
  std::vector<presence_diff> diffs;
  auto o = by_owner_.find(owner);
  if (o == by_owner_.end()) return diffs;
  auto pairs = std::move(o->second);
  by_owner_.erase(o);
  for (const auto& [topic, key] : pairs) {
    auto t = topics_.find(topic);
    if (t == topics_.end()) continue;
    auto k = t->second.find(key);
    if (k == t->second.end()) continue;
    auto d = std::find_if(diffs.begin(), diffs.end(),
                          [&](const presence_diff& x) { return x.topic == topic; });
    if (d == diffs.end()) d = diffs.insert(diffs.end(), presence_diff{topic, {}, {}});
    auto& metas = k->second;
    for (auto it = metas.begin(); it != metas.end();) {
      if (it->owner == owner) {
        d->leaves[key].push_back(std::move(*it));
        it = metas.erase(it);
      } else {
        ++it;
      }
    }
    if (metas.empty()) t->second.erase(k);
    if (t->second.empty()) topics_.erase(t);
  }
  std::erase_if(diffs, [](const presence_diff& x) { return x.empty(); });
  return diffs;
}

presence_list presence_table::list(const std::string& topic) const {
  auto t = topics_.find(topic);
  return t == topics_.end() ? presence_list{} : t->second;
}

presence_list presence_table::list(const std::string& topic, std::size_t limit) const {
  presence_list out;
  auto t = topics_.find(topic);
  if (t == topics_.end()) return out;
  for (auto it = t->second.begin(); it != t->second.end() && out.size() < limit; ++it) out.insert(*it);
  return out;
}

std::size_t presence_table::key_count(const std::string& topic) const {
  auto t = topics_.find(topic);
  return t == topics_.end() ? 0 : t->second.size();
}

void merge(presence_diff& earlier, presence_diff later) {
  for (auto& [key, metas] : later.joins) {
    auto& into = earlier.joins[key];
    for (auto& m : metas) into.push_back(std::move(m));
  }
  for (auto& [key, metas] : later.leaves) {
    auto& into = earlier.leaves[key];
    for (auto& m : metas) into.push_back(std::move(m));
  }
}

std::size_t presence_table::size(const std::string& topic) const {
  auto t = topics_.find(topic);
  if (t == topics_.end()) return 0;
  std::size_t n = 0;
  for (const auto& [key, metas] : t->second) n += metas.size();
  return n;
}

tmpl::value to_value(const presence_list& list) {
  tmpl::value_map out;
  for (const auto& [key, metas] : list) {
    tmpl::value_list items;
    items.reserve(metas.size());
    for (const auto& m : metas) {
      tmpl::value_map meta = m.meta.as_map();
      meta.set("phx_ref", m.ref);
      items.emplace_back(std::move(meta));
    }
    out.set(key, tmpl::value(tmpl::value_map{{"metas", tmpl::value(std::move(items))}}));
  }
  return tmpl::value(std::move(out));
}

tmpl::value to_value(const presence_diff& diff) {
  return tmpl::value(
      tmpl::value_map{{"joins", to_value(diff.joins)}, {"leaves", to_value(diff.leaves)}});
}

}  // namespace djust::pubsub
