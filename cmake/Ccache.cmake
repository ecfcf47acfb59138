# SPDX-License-Identifier: Apache-2.0
# Compiles through ccache when it is installed (the set-up step installs it): a rebuild after a
# branch switch or in a second build folder reuses earlier objects. SAMLT_CCACHE=OFF turns it off.
option(SAMLT_CCACHE "Compile through ccache when it is installed" ON)
if(SAMLT_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(SAMLT_CCACHE_PROGRAM ccache)
  if(SAMLT_CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${SAMLT_CCACHE_PROGRAM}")
  endif()
endif()
