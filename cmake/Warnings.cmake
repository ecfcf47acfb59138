# SPDX-License-Identifier: Apache-2.0
# `project_warnings`: linked PRIVATE by every target of ours.
add_library(project_warnings INTERFACE)
target_compile_options(project_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough -Wno-missing-field-initializers)

# GCC 12's libstdc++ raises -Wrestrict on `"literal" + std::string` once inlined at -O2 and above
# (GCC bug 105329, fixed in 13); it is not a finding in our code. -Wnull-dereference is left out for
# the same reason (false positives inside libstdc++ containers), -Wold-style-cast because libxml2's
# BAD_CAST macro is a C cast.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(project_warnings INTERFACE -Wno-restrict)
endif()
