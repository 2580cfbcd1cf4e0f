// Exact confirmation, shared by ENGINES engines. Takes candidates from the
// engines' FIFOs round-robin; for every window length L in a candidate's
// hit mask it reads the bucket {start, count} at the second hash of that
// window, then compares each keyword in the bucket byte for byte with the
// candidate's last MAXK text bytes. Each true match becomes a match record;
// an engine's end token becomes the end-of-message record carrying the
// engine's hit count. Filters pass only a small fraction of bytes, so one
// confirmation unit keeps up with many engines; its work per candidate
// depends on bucket occupancy, not on the keyword count.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module kwm_confirm #(
    parameter ENGINES = 4,
    parameter WIN = 8,
    parameter MAXK = 32,
    parameter INDEX_BITS = 12,
    parameter STORE_BITS = 12,
    parameter CAND_WIDTH = 1 + 32 + 16 + 16 + 1 + 2 + 16 + WIN + MAXK*8,
    parameter STORE_WIDTH = 40 + MAXK*8
) (
    input  wire                          clk,
    input  wire                          rst,

    input  wire [ENGINES*CAND_WIDTH-1:0] cand_data,
    input  wire [ENGINES-1:0]            cand_empty,
    output reg  [ENGINES-1:0]            cand_pop,

    input  wire                          cfg_index_we,
    input  wire                          cfg_index_bank,
    input  wire [INDEX_BITS-1:0]         cfg_index_addr,
    input  wire [31:0]                   cfg_index_data,
    input  wire                          cfg_store_we,
    input  wire                          cfg_store_bank,
    input  wire [STORE_BITS-1:0]         cfg_store_addr,
    input  wire [STORE_WIDTH-1:0]        cfg_store_data,
    input  wire [15:0]                   version0,
    input  wire [15:0]                   version1,

    // one message ended on this bank (in-flight accounting)
    output wire                          done_valid,
    output wire                          done_bank,

    output wire [127:0]                  m_axis_tdata,
    output wire                          m_axis_tvalid,
    input  wire                          m_axis_tready,
    output wire                          m_axis_tlast,
    output wire                          m_axis_tuser
);

localparam ENG_BITS = ENGINES > 1 ? $clog2(ENGINES) : 1;
localparam WIN_BITS = 3;

localparam [7:0] REC_MATCH = 8'h01, REC_END = 8'h02;

initial begin
    if (INDEX_BITS < 4 || INDEX_BITS > 24 || STORE_BITS < 4 || STORE_BITS > 24) begin
        $error("kwm_confirm: INDEX_BITS and STORE_BITS must be 4..24");
        $finish;
    end
end

localparam [2:0] C_IDLE = 3'd0, C_NEXTL = 3'd1, C_IDX = 3'd2, C_CMP = 3'd3,
                 C_END = 3'd4;

reg [2:0] state_reg = C_IDLE, state_next;
reg [ENG_BITS-1:0] rr_reg = 0, rr_next;
reg [ENG_BITS-1:0] eng_reg = 0, eng_next;
reg [CAND_WIDTH-1:0] cand_reg = 0, cand_next;
reg [WIN-1:0] mask_reg = 0, mask_next;
reg [WIN_BITS-1:0] l_reg = 0, l_next;
reg [STORE_BITS-1:0] ptr_reg = 0, ptr_next;
reg [7:0] left_reg = 0, left_next;
reg [31:0] hits_reg [0:ENGINES-1];

reg [127:0] out_data_reg = 0, out_data_next;
reg out_valid_reg = 1'b0, out_valid_next;
reg out_user_reg = 1'b0, out_user_next;
reg done_valid_reg = 1'b0, done_valid_next;

reg hits_inc, hits_clr;
reg do_pick;
reg [INDEX_BITS-1:0] index_raddr;

// candidate fields, see kwm_engine
wire [MAXK*8-1:0] c_win  = cand_reg[MAXK*8-1:0];
wire [15:0]       c_off  = cand_reg[MAXK*8+WIN +: 16];
wire              c_short = cand_reg[MAXK*8+WIN+16];
wire              c_long = cand_reg[MAXK*8+WIN+17];
wire              c_bank = cand_reg[MAXK*8+WIN+18];
wire [15:0]       c_len  = cand_reg[MAXK*8+WIN+19 +: 16];
wire [15:0]       c_hver = cand_reg[MAXK*8+WIN+35 +: 16];
wire [31:0]       c_id   = cand_reg[MAXK*8+WIN+51 +: 32];

wire [15:0] bank_ver = c_bank ? version1 : version0;

wire [WIN*32-1:0] hash;
kwm_hash #(.WIN(WIN)) hash_inst (
    .win(c_win[WIN*8-1:0]),
    .hash(hash)
);

// second hash: rotate the window hash and mix in the length, so the
// bucket index is independent of the filter bit index (control/fpga/kwm.h)
localparam [8*32-1:0] LEN_KEYS = {32'h25cf05ff, 32'hfb2dd056, 32'h83f16e09, 32'hfa7cfe88,
                                  32'hd9b2acc7, 32'hfb06e283, 32'hb1fb7ed5, 32'h2d645c2a};
wire [31:0] h_l = hash[l_next*32 +: 32];
wire [31:0] bucket = {h_l[10:0], h_l[31:11]} ^ LEN_KEYS[l_next*32 +: 32];

wire [31:0] index_rdata;
kwm_ram #(.WIDTH(32), .ADDR_WIDTH(INDEX_BITS+1)) index_ram (
    .clk(clk),
    .wr_en(cfg_index_we),
    .wr_addr({cfg_index_bank, cfg_index_addr}),
    .wr_data(cfg_index_data),
    .rd_addr({c_bank, index_raddr}),
    .rd_data(index_rdata)
);

wire [STORE_WIDTH-1:0] store_rdata;
kwm_ram #(.WIDTH(STORE_WIDTH), .ADDR_WIDTH(STORE_BITS+1)) store_ram (
    .clk(clk),
    .wr_en(cfg_store_we),
    .wr_addr({cfg_store_bank, cfg_store_addr}),
    .wr_data(cfg_store_data),
    .rd_addr({c_bank, ptr_next}),
    .rd_data(store_rdata)
);

// the store is read at ptr_next, so keyword ptr_reg is on store_rdata
wire [31:0] k_rule = store_rdata[MAXK*8+8 +: 32];
wire [7:0]  k_len  = store_rdata[MAXK*8 +: 8];
wire [7:0]  k_win  = k_len < WIN ? k_len : WIN;

// byte j of the store entry is the keyword's j-th byte from its end
reg k_bytes_equal;
integer j;
always @* begin
    k_bytes_equal = 1'b1;
    for (j = 0; j < MAXK; j = j + 1) begin
        if (j < k_len && store_rdata[j*8 +: 8] != c_win[j*8 +: 8]) begin
            k_bytes_equal = 1'b0;
        end
    end
end

wire k_match = k_bytes_equal && k_len != 0 && k_win == {5'd0, l_reg} + 8'd1 && {8'd0, k_len} <= c_off;

wire out_free = !out_valid_reg || m_axis_tready;

assign m_axis_tdata = out_data_reg;
assign m_axis_tvalid = out_valid_reg;
assign m_axis_tlast = 1'b1;
assign m_axis_tuser = out_user_reg;
assign done_valid = done_valid_reg;
assign done_bank = out_data_reg[119];

// round-robin pick among engines with a candidate waiting
reg pick_valid;
reg [ENG_BITS-1:0] pick;
integer i;
always @* begin
    pick_valid = 1'b0;
    pick = 0;
    for (i = ENGINES-1; i >= 0; i = i - 1) begin
        if (!cand_empty[(rr_reg + i) % ENGINES]) begin
            pick_valid = 1'b1;
            pick = (rr_reg + i) % ENGINES;
        end
    end
end

// lowest set bit of the remaining mask
reg [WIN_BITS-1:0] low_l;
integer k;
always @* begin
    low_l = 0;
    for (k = WIN-1; k >= 0; k = k - 1) begin
        if (mask_reg[k]) begin
            low_l = k;
        end
    end
end

always @* begin
    state_next = state_reg;
    rr_next = rr_reg;
    eng_next = eng_reg;
    cand_next = cand_reg;
    mask_next = mask_reg;
    l_next = l_reg;
    ptr_next = ptr_reg;
    left_next = left_reg;
    out_data_next = out_data_reg;
    out_valid_next = out_valid_reg && !m_axis_tready;
    out_user_next = out_user_reg;
    done_valid_next = 1'b0;
    cand_pop = 0;
    hits_inc = 1'b0;
    hits_clr = 1'b0;
    index_raddr = bucket[INDEX_BITS-1:0];

    // a finished candidate hands over to the next one in the same cycle
    do_pick = 1'b0;

    case (state_reg)
        C_IDLE: begin
            do_pick = 1'b1;
        end
        C_NEXTL: begin
            if (mask_reg == 0) begin
                state_next = C_IDLE;
                do_pick = 1'b1;
            end else begin
                l_next = low_l;
                mask_next = mask_reg & ~({{(WIN-1){1'b0}}, 1'b1} << low_l);
                state_next = C_IDX;
            end
        end
        C_IDX: begin
            ptr_next = index_rdata[STORE_BITS-1:0];
            left_next = index_rdata[31:24];
            state_next = index_rdata[31:24] == 0 ? C_NEXTL : C_CMP;
        end
        C_CMP: begin
            if (!k_match || out_free) begin
                if (k_match) begin
                    out_valid_next = 1'b1;
                    out_user_next = 1'b0;
                    out_data_next = {REC_MATCH, c_bank, 7'd0, bank_ver, c_id, k_rule, 16'd0, c_off};
                    hits_inc = 1'b1;
                end
                ptr_next = ptr_reg + 1;
                left_next = left_reg - 1;
                if (left_reg != 1) begin
                    state_next = C_CMP;
                end else if (mask_reg != 0) begin
                    state_next = C_NEXTL;
                end else begin
                    state_next = C_IDLE;
                    do_pick = 1'b1;
                end
            end
        end
        C_END: begin
            if (out_free) begin
                out_valid_next = 1'b1;
                out_user_next = 1'b1;
                out_data_next = {REC_END, c_bank, 4'd0, c_long, c_short,
                                 c_hver != 0 && c_hver != bank_ver,
                                 bank_ver, c_id, hits_reg[eng_reg], c_off, c_len};
                hits_clr = 1'b1;
                done_valid_next = 1'b1;
                state_next = C_IDLE;
                do_pick = 1'b1;
            end
        end
        default: state_next = C_IDLE;
    endcase

    if (do_pick && pick_valid) begin
        cand_pop[pick] = 1'b1;
        cand_next = cand_data[pick*CAND_WIDTH +: CAND_WIDTH];
        eng_next = pick;
        rr_next = (pick + 1) % ENGINES;
        mask_next = cand_data[pick*CAND_WIDTH+MAXK*8 +: WIN];
        state_next = cand_data[pick*CAND_WIDTH+CAND_WIDTH-1] ? C_END : C_NEXTL;
    end
end

integer e;
always @(posedge clk) begin
    state_reg <= state_next;
    rr_reg <= rr_next;
    eng_reg <= eng_next;
    cand_reg <= cand_next;
    mask_reg <= mask_next;
    l_reg <= l_next;
    ptr_reg <= ptr_next;
    left_reg <= left_next;
    out_data_reg <= out_data_next;
    out_valid_reg <= out_valid_next;
    out_user_reg <= out_user_next;
    done_valid_reg <= done_valid_next;
    if (hits_inc) begin
        hits_reg[eng_reg] <= hits_reg[eng_reg] + 1;
    end
    if (hits_clr) begin
        hits_reg[eng_reg] <= 0;
    end

    if (rst) begin
        state_reg <= C_IDLE;
        rr_reg <= 0;
        out_valid_reg <= 1'b0;
        done_valid_reg <= 1'b0;
        for (e = 0; e < ENGINES; e = e + 1) begin
            hits_reg[e] <= 0;
        end
    end
end

endmodule

`resetall
