// App options every end-to-end test starts from: any free loopback port, two io threads,
// a fixed secret.
#pragma once

#include "djust/transport/app.hpp"

namespace djust::test {

inline transport::app_options loopback_app_options() {
  transport::app_options o;
  o.port = 0;
  o.threads = 2;
  o.secret_key = "end-to-end-test-secret-key";
  return o;
}

}  // namespace djust::test
