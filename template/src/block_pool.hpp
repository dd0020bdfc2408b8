// A per-thread free list of fixed-size blocks behind an allocator for std::allocate_shared.
// A render makes and drops thousands of string values (every filter result is one); taking
// their blocks from a list costs a fraction of a general-purpose malloc/free pair.
#pragma once

#include <cstddef>
#include <memory>
#include <new>

namespace djust::tmpl::detail {

template <std::size_t Size, std::size_t Align>
class block_pool {
 public:
  static void* take() {
    list& l = local();
    if (free_block* b = l.head) {
      l.head = b->next;
      --l.count;
      return b;
    }
    return ::operator new(Size, std::align_val_t{Align});
  }
  // Blocks may come back on another thread than the one that took them: any list will do,
  // they all come from the same operator new.
  static void give(void* p) noexcept {
    list& l = local();
    if (l.count < max_kept) {
      auto* b = static_cast<free_block*>(p);
      b->next = l.head;
      l.head = b;
      ++l.count;
    } else {
      ::operator delete(p, Size, std::align_val_t{Align});
    }
  }

 private:
  static constexpr std::size_t max_kept = 4096;  // per thread: at most 4096 * Size bytes idle
  struct free_block {
    free_block* next;
  };
  struct list {
    free_block* head = nullptr;
    std::size_t count = 0;
    ~list() {
      while (head) {
        free_block* next = head->next;
        ::operator delete(head, Size, std::align_val_t{Align});
        head = next;
      }
      count = max_kept;  // values destroyed later in this thread's exit free their blocks directly
    }
  };
  static list& local() {
    static thread_local list l;
    return l;
  }
};

// std::allocator's interface over block_pool for single objects (allocate_shared asks for
// exactly one control block); anything else goes to std::allocator.
template <class T>
struct pooled_allocator {
  using value_type = T;
  pooled_allocator() = default;
  template <class U>
  pooled_allocator(const pooled_allocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n != 1) return std::allocator<T>().allocate(n);
    return static_cast<T*>(block_pool<sizeof(T), alignof(T)>::take());
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n != 1) return std::allocator<T>().deallocate(p, n);
    block_pool<sizeof(T), alignof(T)>::give(p);
  }
  template <class U>
  bool operator==(const pooled_allocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace djust::tmpl::detail
