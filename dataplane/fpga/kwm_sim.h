/* One simulated card: the Verilator model of kwm_top (hw/verilog) with
 * the DMA side of a real card around it. Each clock cycle the DMA engine
 * feeds s_axis from the descriptor at the head of the submission ring
 * (header beat, then the text, tlast on the last beat, holding a beat
 * while s_axis_tready is low) and writes every m_axis record into the
 * completion ring, lowering m_axis_tready while that ring is full. The
 * cfg port is driven as an AXI-Lite slave would drive it: one write per
 * cycle, reads returned a cycle after the address.
 *
 * An instance belongs to one thread (a worker): no locks, no sharing. */
#ifndef SS_FPGA_KWM_SIM_H
#define SS_FPGA_KWM_SIM_H

#include <stdint.h>

#include "control/fpga/kwm.h"
#include "dataplane/decode/result.h"
#include "dataplane/fpga/ring.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The geometry the model is verilated with (dataplane/fpga/meson.build
 * passes the same numbers as -G parameters; ss_kwm_sim_new checks them
 * against the PARAMS and GEOMETRY registers). */
#define SS_KWM_SIM_ENGINES     1u
#define SS_KWM_SIM_DATA_BYTES  8u
#define SS_KWM_SIM_MAXK        32u
#define SS_KWM_SIM_FILTER_BITS 14u /* every window length */
#define SS_KWM_SIM_HASHES      2u
#define SS_KWM_SIM_INDEX_BITS  12u
#define SS_KWM_SIM_STORE_BITS  12u

struct ss_kwm_sim;

void ss_kwm_sim_geom(struct ss_kwm_geom *g);

/* A reset card serving ring (which must outlive it). SS_BAD_VALUE if
 * the model's ID or geometry registers are not the ones above. */
enum ss_result ss_kwm_sim_new(struct ss_fpga_ring *ring, struct ss_kwm_sim **out);
void ss_kwm_sim_free(struct ss_kwm_sim *s);

/* One cfg write (a cycle). */
void ss_kwm_sim_cfg_write(struct ss_kwm_sim *s, uint32_t addr, uint32_t data);
/* One cfg read (a cycle). */
uint32_t ss_kwm_sim_cfg_read(struct ss_kwm_sim *s, uint32_t addr);

/* Runs the card for one clock cycle. */
void ss_kwm_sim_clock(struct ss_kwm_sim *s);

/* Clock cycles since reset. */
uint64_t ss_kwm_sim_cycles(const struct ss_kwm_sim *s);

#ifdef __cplusplus
}
#endif

#endif
