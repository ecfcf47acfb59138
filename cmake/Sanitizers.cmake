# SPDX-License-Identifier: Apache-2.0
# SAMLT_SANITIZE=ON builds everything with ASan + UBSan (for a local test run; CI uses the plain build).
if(SAMLT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
