/* The fpga-sim matcher backend (issue 5): the rule set's literals run on
 * the keyword-matching block, simulated by Verilator (kwm_sim.h) and fed
 * through the card's descriptor rings (ring.h), one simulated card per
 * worker scratch. Built only with -Dfpga_sim (SS_HAVE_FPGA_SIM). */
#ifndef SS_FPGA_MATCHER_H
#define SS_FPGA_MATCHER_H

#include "dataplane/match/matcher.h"

extern const struct ss_matcher_ops ss_fpga_sim_matcher;

#endif
