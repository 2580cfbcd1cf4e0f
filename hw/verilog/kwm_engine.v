// One scanning engine: takes one message at a time from its input FIFO,
// shifts one text byte per cycle into a window of the last MAXK bytes,
// and looks up the hash of each window length 1..WIN in a per-length bit
// filter (inferred block RAM, two banks). A byte whose windows hit any
// filter bit becomes a candidate {offset, hit mask, last MAXK bytes} for
// the shared exact-confirmation unit; after the last byte an end token
// follows. Cost per byte is one cycle whatever the keyword count.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module kwm_engine #(
    parameter DATA_BYTES = 8,
    parameter WIN = 8,
    // log2 of the bits per table, 5 bits per window length (L=1 lowest)
    parameter [8*5-1:0] FILTER_BITS = {8{5'd16}},
    parameter FILTER_HASHES = 2,
    parameter MAXK = 32,
    // width of one candidate word, see CAND_* below
    parameter CAND_WIDTH = 1 + 32 + 16 + 16 + 1 + 2 + 16 + WIN + MAXK*8
) (
    input  wire                     clk,
    input  wire                     rst,

    // message words from the dispatcher: {bank, hdr, last, data}
    input  wire [DATA_BYTES*8+2:0]  in_data,
    input  wire                     in_empty,
    output wire                     in_pop,

    // filter loading (broadcast to every engine)
    input  wire                     cfg_filter_we,
    input  wire                     cfg_filter_bank,
    input  wire [2:0]               cfg_filter_win,
    input  wire [1:0]               cfg_filter_hash,
    input  wire [19:0]              cfg_filter_word,
    input  wire [31:0]              cfg_filter_data,

    // candidates and end tokens, to this engine's candidate FIFO
    output wire [CAND_WIDTH-1:0]    cand_data,
    output wire                     cand_wr,
    input  wire                     cand_room2
);

localparam DB_BITS = DATA_BYTES > 1 ? $clog2(DATA_BYTES) : 1;

initial begin
    if (DATA_BYTES < 8 || (DATA_BYTES & (DATA_BYTES - 1)) != 0) begin
        $error("kwm_engine: DATA_BYTES must be a power of two >= 8 (header is 8 bytes)");
        $finish;
    end
    if (MAXK < WIN || MAXK > 255) begin
        $error("kwm_engine: MAXK must be in WIN..255");
        $finish;
    end
    if (FILTER_HASHES < 1 || FILTER_HASHES > 4) begin
        $error("kwm_engine: FILTER_HASHES must be 1..4");
        $finish;
    end
end

localparam [1:0] S_HDR = 2'd0, S_BODY = 2'd1, S_DRAIN = 2'd2, S_END = 2'd3;

reg [1:0] state_reg = S_HDR, state_next;

reg [31:0] msg_id_reg = 0, msg_id_next;
reg [15:0] hdr_ver_reg = 0, hdr_ver_next;
reg [15:0] len_reg = 0, len_next;
reg bank_reg = 1'b0, bank_next;
reg short_reg = 1'b0, short_next;
reg long_reg = 1'b0, long_next;
reg [15:0] off_reg = 0, off_next;
reg [DB_BITS-1:0] byte_idx_reg = 0, byte_idx_next;
reg [MAXK*8-1:0] win_reg = 0, win_next;
reg s1_valid_reg = 1'b0, s1_valid_next;

reg in_pop_int;
reg cand_wr_int;
reg [CAND_WIDTH-1:0] cand_data_int;

wire in_bank = in_data[DATA_BYTES*8+2];
wire in_last = in_data[DATA_BYTES*8];
wire [DATA_BYTES*8-1:0] in_word = in_data[DATA_BYTES*8-1:0];
wire [7:0] in_byte = in_word[byte_idx_reg*8 +: 8];

assign in_pop = in_pop_int;
assign cand_wr = cand_wr_int;
assign cand_data = cand_data_int;

// filter lookups are addressed from win_next so that their registered
// outputs line up with win_reg/off_reg one cycle later (stage s1). Each
// window length has FILTER_HASHES bit tables (a partitioned Bloom filter);
// a window hits when every one of its tables has its bit set.
wire [WIN-1:0] filter_hit;
wire [WIN*FILTER_HASHES-1:0] table_hit;

genvar l, k;
generate
    for (k = 0; k < FILTER_HASHES; k = k + 1) begin : g_hash
        wire [WIN*32-1:0] hash;
        kwm_hash #(.WIN(WIN), .SET(k)) hash_inst (
            .win(win_next[WIN*8-1:0]),
            .hash(hash)
        );
        for (l = 0; l < WIN; l = l + 1) begin : g_filter
            localparam FB_SET = FILTER_BITS[l*5 +: 5];
            localparam FB_L = FB_SET < 8*(l+1) ? FB_SET : 8*(l+1);
            wire [31:0] rd_word;
            reg [4:0] bit_sel_reg = 0;
            kwm_ram #(.WIDTH(32), .ADDR_WIDTH(FB_L-4)) filter_ram (
                .clk(clk),
                .wr_en(cfg_filter_we && cfg_filter_win == l && cfg_filter_hash == k),
                .wr_addr({cfg_filter_bank, cfg_filter_word[FB_L-6:0]}),
                .wr_data(cfg_filter_data),
                .rd_addr({bank_next, hash[l*32+5 +: FB_L-5]}),
                .rd_data(rd_word)
            );
            always @(posedge clk) begin
                bit_sel_reg <= hash[l*32 +: 5];
            end
            assign table_hit[k*WIN+l] = rd_word[bit_sel_reg];
        end
    end
    for (l = 0; l < WIN; l = l + 1) begin : g_win
        wire [FILTER_HASHES-1:0] all;
        for (k = 0; k < FILTER_HASHES; k = k + 1) begin : g_and
            assign all[k] = table_hit[k*WIN+l];
        end
        // a window longer than the text so far would read stale bytes
        assign filter_hit[l] = &all && off_reg > l;
    end
endgenerate

always @* begin
    state_next = state_reg;
    msg_id_next = msg_id_reg;
    hdr_ver_next = hdr_ver_reg;
    len_next = len_reg;
    bank_next = bank_reg;
    short_next = short_reg;
    long_next = long_reg;
    off_next = off_reg;
    byte_idx_next = byte_idx_reg;
    win_next = win_reg;
    s1_valid_next = 1'b0;
    in_pop_int = 1'b0;
    cand_wr_int = 1'b0;
    cand_data_int = {1'b0, msg_id_reg, hdr_ver_reg, len_reg, bank_reg,
                     long_reg, short_reg, off_reg, filter_hit, win_reg};

    if (s1_valid_reg && filter_hit != 0) begin
        cand_wr_int = 1'b1;
    end

    case (state_reg)
        S_HDR: begin
            if (!in_empty) begin
                in_pop_int = 1'b1;
                msg_id_next = in_word[31:0];
                hdr_ver_next = in_word[47:32];
                len_next = in_word[63:48];
                bank_next = in_bank;
                short_next = in_last && in_word[63:48] != 0;
                long_next = 1'b0;
                off_next = 0;
                byte_idx_next = 0;
                win_next = 0;
                state_next = in_last ? S_DRAIN : S_BODY;
            end
        end
        S_BODY: begin
            if (!in_empty && cand_room2) begin
                if (off_reg == len_reg) begin
                    // beat beyond the announced length: drop it, flag it
                    in_pop_int = 1'b1;
                    long_next = 1'b1;
                    if (in_last) begin
                        state_next = S_DRAIN;
                    end
                end else begin
                    win_next = {win_reg[MAXK*8-9:0], in_byte};
                    off_next = off_reg + 1;
                    s1_valid_next = 1'b1;
                    byte_idx_next = byte_idx_reg + 1;
                    if (byte_idx_reg == DATA_BYTES-1 || off_reg + 1 == len_reg) begin
                        in_pop_int = 1'b1;
                        byte_idx_next = 0;
                        if (in_last) begin
                            short_next = off_reg + 1 != len_reg;
                            state_next = S_DRAIN;
                        end
                    end
                end
            end
        end
        S_DRAIN: begin
            // the last byte's filter result is being pushed this cycle
            state_next = S_END;
        end
        S_END: begin
            if (cand_room2) begin
                cand_wr_int = 1'b1;
                cand_data_int[CAND_WIDTH-1] = 1'b1;
                state_next = S_HDR;
            end
        end
    endcase
end

always @(posedge clk) begin
    state_reg <= state_next;
    msg_id_reg <= msg_id_next;
    hdr_ver_reg <= hdr_ver_next;
    len_reg <= len_next;
    bank_reg <= bank_next;
    short_reg <= short_next;
    long_reg <= long_next;
    off_reg <= off_next;
    byte_idx_reg <= byte_idx_next;
    win_reg <= win_next;
    s1_valid_reg <= s1_valid_next;

    if (rst) begin
        state_reg <= S_HDR;
        s1_valid_reg <= 1'b0;
        byte_idx_reg <= 0;
    end
end

endmodule

`resetall
