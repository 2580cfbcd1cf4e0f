// The simulated card: Verilated kwm_top plus its DMA engine; see kwm_sim.h.
#include "dataplane/fpga/kwm_sim.h"

#include <cstring>
#include <new>

#include "Vkwm_top.h"
#include "verilated.h"

namespace
{

const unsigned RESET_CYCLES = 8;

// The DMA engine's read side: the descriptor being streamed to s_axis.
struct dma_state {
    bool busy;
    ss_fpga_desc desc;
    uint32_t beat;  // next beat to present, 0 = header
    uint32_t beats; // header + ceil(len / DATA_BYTES)
};

} // namespace

struct ss_kwm_sim {
    VerilatedContext ctx;
    Vkwm_top *top;
    ss_fpga_ring *ring;
    dma_state dma;
    uint64_t cycles;
};

void ss_kwm_sim_geom(struct ss_kwm_geom *g)
{
    std::memset(g, 0, sizeof *g);
    for (unsigned L = 0; L < SS_KWM_WIN; L++)
        g->filter_bits[L] = SS_KWM_SIM_FILTER_BITS;
    g->hashes = SS_KWM_SIM_HASHES;
    g->index_bits = SS_KWM_SIM_INDEX_BITS;
    g->store_bits = SS_KWM_SIM_STORE_BITS;
    g->maxk = SS_KWM_SIM_MAXK;
    g->data_bytes = SS_KWM_SIM_DATA_BYTES;
}

static uint64_t text_beat(const ss_fpga_desc &d, uint32_t beat)
{
    const uint8_t *text = reinterpret_cast<const uint8_t *>(static_cast<uintptr_t>(d.buf));
    size_t off = static_cast<size_t>(beat - 1) * SS_KWM_SIM_DATA_BYTES;
    uint64_t v = 0;
    for (unsigned i = 0; i < SS_KWM_SIM_DATA_BYTES && off + i < d.len; i++)
        v |= static_cast<uint64_t>(text[off + i]) << (8 * i);
    return v;
}

// Presents the current beat on s_axis, fetching the next descriptor when
// the previous message has gone in.
static void dma_drive(ss_kwm_sim *s)
{
    dma_state &m = s->dma;
    if (!m.busy && ss_fpga_sq_fetch(s->ring, &m.desc)) {
        m.busy = true;
        m.beat = 0;
        m.beats = 1 + (m.desc.len + SS_KWM_SIM_DATA_BYTES - 1) / SS_KWM_SIM_DATA_BYTES;
    }
    Vkwm_top *t = s->top;
    t->s_axis_tvalid = m.busy;
    if (!m.busy)
        return;
    if (m.beat == 0)
        t->s_axis_tdata = static_cast<uint64_t>(m.desc.len) << 48 |
                          static_cast<uint64_t>(m.desc.version) << 32 | m.desc.msg_id;
    else
        t->s_axis_tdata = text_beat(m.desc, m.beat);
    t->s_axis_tlast = m.beat + 1 == m.beats;
}

static ss_kwm_record output_record(const Vkwm_top *t)
{
    ss_kwm_record r;
    r.hi = static_cast<uint64_t>(t->m_axis_tdata[3]) << 32 | t->m_axis_tdata[2];
    r.lo = static_cast<uint64_t>(t->m_axis_tdata[1]) << 32 | t->m_axis_tdata[0];
    return r;
}

// Inputs change while the clock is low; a handshake seen then completes
// at the rising edge that follows.
void ss_kwm_sim_clock(struct ss_kwm_sim *s)
{
    Vkwm_top *t = s->top;
    dma_drive(s);
    t->m_axis_tready = ss_fpga_cq_has_room(s->ring);
    t->clk = 0;
    t->eval();
    bool in_fire = t->s_axis_tvalid && t->s_axis_tready;
    bool out_fire = t->m_axis_tvalid && t->m_axis_tready;
    ss_kwm_record rec = output_record(t);
    t->clk = 1;
    t->eval();
    s->cycles++;
    t->cfg_wr_en = 0;
    if (in_fire && ++s->dma.beat == s->dma.beats)
        s->dma.busy = false;
    if (out_fire)
        ss_fpga_cq_push(s->ring, &rec);
}

void ss_kwm_sim_cfg_write(struct ss_kwm_sim *s, uint32_t addr, uint32_t data)
{
    s->top->cfg_wr_en = 1;
    s->top->cfg_wr_addr = addr;
    s->top->cfg_wr_data = data;
    ss_kwm_sim_clock(s);
}

uint32_t ss_kwm_sim_cfg_read(struct ss_kwm_sim *s, uint32_t addr)
{
    s->top->cfg_rd_addr = addr;
    ss_kwm_sim_clock(s);
    return s->top->cfg_rd_data;
}

uint64_t ss_kwm_sim_cycles(const struct ss_kwm_sim *s)
{
    return s->cycles;
}

static void sim_reset(ss_kwm_sim *s)
{
    Vkwm_top *t = s->top;
    t->rst = 1;
    t->s_axis_tvalid = 0;
    t->m_axis_tready = 0;
    t->cfg_wr_en = 0;
    for (unsigned i = 0; i < RESET_CYCLES; i++) {
        t->clk = 0;
        t->eval();
        t->clk = 1;
        t->eval();
    }
    t->rst = 0;
}

static bool geometry_matches(ss_kwm_sim *s)
{
    uint32_t params =
        SS_KWM_WIN << 24 | SS_KWM_SIM_MAXK << 16 | SS_KWM_SIM_DATA_BYTES << 8 | SS_KWM_SIM_ENGINES;
    uint32_t geom = SS_KWM_SIM_HASHES << 24 | SS_KWM_SIM_STORE_BITS << 16 |
                    SS_KWM_SIM_INDEX_BITS << 8 | SS_KWM_SIM_FILTER_BITS;
    return ss_kwm_sim_cfg_read(s, SS_KWM_REG_ID) == SS_KWM_BLOCK_ID &&
           ss_kwm_sim_cfg_read(s, SS_KWM_REG_PARAMS) == params &&
           ss_kwm_sim_cfg_read(s, SS_KWM_REG_GEOMETRY) == geom;
}

enum ss_result ss_kwm_sim_new(struct ss_fpga_ring *ring, struct ss_kwm_sim **out)
{
    ss_kwm_sim *s = new (std::nothrow) ss_kwm_sim();
    if (s == nullptr)
        return SS_TABLE_FULL;
    s->top = new (std::nothrow) Vkwm_top(&s->ctx, "kwm");
    if (s->top == nullptr) {
        delete s;
        return SS_TABLE_FULL;
    }
    s->ring = ring;
    sim_reset(s);
    if (!geometry_matches(s)) {
        ss_kwm_sim_free(s);
        return SS_BAD_VALUE;
    }
    *out = s;
    return SS_OK;
}

void ss_kwm_sim_free(struct ss_kwm_sim *s)
{
    if (s == nullptr)
        return;
    s->top->final();
    delete s->top;
    delete s;
}
