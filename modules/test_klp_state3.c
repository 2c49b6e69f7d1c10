// SPDX-License-Identifier: MIT
/* Selftest patch (Linux: test_klp_state3): the next cumulative patch, with the same fix as test_klp_state2. */
#include "test_klp_state2.c"
