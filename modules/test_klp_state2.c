// SPDX-License-Identifier: MIT
/* Selftest patch (Linux: test_klp_state2): test_klp_state at version 2, which migrates the state. */
#define CONSOLE_LOGLEVEL_STATE_VERSION 2
#include "test_klp_state.c"
