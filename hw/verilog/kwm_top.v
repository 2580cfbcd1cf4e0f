// Keyword-matching block: message records in on s_axis, match and
// end-of-message records out on m_axis, tables written at run time through
// the cfg port. Messages are dealt round-robin to ENGINES scanning engines
// (one byte per cycle each); their candidates meet in one exact
// confirmation unit. Two table banks: a message is judged entirely by the
// bank selected when its header was accepted. See hw/README.md for the
// record formats and the register map.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module kwm_top #(
    parameter ENGINES = 4,
    parameter DATA_BYTES = 8,
    parameter WIN = 8,
    parameter MAXK = 32,
    // log2 of the bits per filter table, 5 bits per window length L=1..8
    parameter [8*5-1:0] FILTER_BITS = {8{5'd14}},
    parameter FILTER_HASHES = 2,
    parameter INDEX_BITS = 12,
    parameter STORE_BITS = 12,
    parameter IN_FIFO_BITS = 5,
    parameter CAND_FIFO_BITS = 3
) (
    input  wire                    clk,
    input  wire                    rst,

    // message records: header beat {length[63:48], version[47:32],
    // id[31:0]}, then the text, byte 0 in tdata[7:0]; tlast on the last beat
    input  wire [DATA_BYTES*8-1:0] s_axis_tdata,
    input  wire                    s_axis_tvalid,
    output wire                    s_axis_tready,
    input  wire                    s_axis_tlast,

    // one 128-bit record per beat; tuser marks end-of-message records
    output wire [127:0]            m_axis_tdata,
    output wire                    m_axis_tvalid,
    input  wire                    m_axis_tready,
    output wire                    m_axis_tlast,
    output wire                    m_axis_tuser,

    // register/table port (byte addresses, 32-bit words)
    input  wire                    cfg_wr_en,
    input  wire [31:0]             cfg_wr_addr,
    input  wire [31:0]             cfg_wr_data,
    input  wire [31:0]             cfg_rd_addr,
    output wire [31:0]             cfg_rd_data
);

localparam ENG_BITS = ENGINES > 1 ? $clog2(ENGINES) : 1;
localparam IN_WIDTH = DATA_BYTES*8 + 3;
localparam CAND_WIDTH = 1 + 32 + 16 + 16 + 1 + 2 + 16 + WIN + MAXK*8;
localparam STORE_WIDTH = 40 + MAXK*8;
localparam STAGE_WORDS = MAXK/4;

initial begin
    if (ENGINES < 1 || ENGINES > 255) begin
        $error("kwm_top: ENGINES must be 1..255");
        $finish;
    end
    if (MAXK % 4 != 0 || MAXK > 252) begin
        $error("kwm_top: MAXK must be a multiple of 4, at most 252");
        $finish;
    end
end

// ---- registers -----------------------------------------------------------
localparam [31:0] BLOCK_ID = 32'h4b574d31; // "KWM1"

reg bank_select_reg = 1'b0;
reg [15:0] version0_reg = 0, version1_reg = 0;
reg [31:0] inflight0_reg = 0, inflight1_reg = 0;
reg [31:0] stage_len_reg = 0, stage_rule_reg = 0;
reg [31:0] stage_bytes_reg [0:STAGE_WORDS-1];
reg [31:0] cfg_rd_data_reg = 0;

// table writes are registered once before the fan-out to every engine
reg cfg_filter_we_reg = 1'b0, cfg_index_we_reg = 1'b0, cfg_store_we_reg = 1'b0;
reg [31:0] cfg_addr_reg = 0, cfg_data_reg = 0;
reg [STORE_WIDTH-1:0] cfg_store_data_reg = 0;

wire [3:0] wr_region = cfg_wr_addr[31:28];

reg [MAXK*8-1:0] stage_bytes;
integer w;
always @* begin
    for (w = 0; w < STAGE_WORDS; w = w + 1) begin
        stage_bytes[w*32 +: 32] = stage_bytes_reg[w];
    end
end

wire header_accept;
wire done_valid, done_bank;

always @(posedge clk) begin
    cfg_filter_we_reg <= cfg_wr_en && wr_region == 4'h1;
    cfg_index_we_reg <= cfg_wr_en && wr_region == 4'h2;
    cfg_store_we_reg <= cfg_wr_en && wr_region == 4'h0 && cfg_wr_addr[11:0] == 12'h020;
    cfg_addr_reg <= cfg_wr_en && wr_region == 4'h0 ? cfg_wr_data : cfg_wr_addr;
    cfg_data_reg <= cfg_wr_data;
    cfg_store_data_reg <= {stage_rule_reg, stage_len_reg[7:0], stage_bytes};

    if (cfg_wr_en && wr_region == 4'h0) begin
        case (cfg_wr_addr[11:0])
            12'h00c: bank_select_reg <= cfg_wr_data[0];
            12'h010: version0_reg <= cfg_wr_data[15:0];
            12'h014: version1_reg <= cfg_wr_data[15:0];
            12'h024: stage_len_reg <= cfg_wr_data;
            12'h028: stage_rule_reg <= cfg_wr_data;
            default: begin
                if (cfg_wr_addr[11:8] == 4'h1 && cfg_wr_addr[7:2] < STAGE_WORDS) begin
                    stage_bytes_reg[cfg_wr_addr[7:2]] <= cfg_wr_data;
                end
            end
        endcase
    end

    inflight0_reg <= inflight0_reg + {31'd0, header_accept && !bank_select_reg}
                                    - {31'd0, done_valid && !done_bank};
    inflight1_reg <= inflight1_reg + {31'd0, header_accept && bank_select_reg}
                                    - {31'd0, done_valid && done_bank};

    case (cfg_rd_addr[11:0])
        12'h000: cfg_rd_data_reg <= BLOCK_ID;
        12'h004: cfg_rd_data_reg <= {4'd0, WIN[3:0], MAXK[7:0], DATA_BYTES[7:0], ENGINES[7:0]};
        12'h008: cfg_rd_data_reg <= {FILTER_HASHES[7:0], STORE_BITS[7:0], INDEX_BITS[7:0], 3'd0, FILTER_BITS[39:35]};
        12'h00c: cfg_rd_data_reg <= {31'd0, bank_select_reg};
        12'h010: cfg_rd_data_reg <= {16'd0, version0_reg};
        12'h014: cfg_rd_data_reg <= {16'd0, version1_reg};
        12'h018: cfg_rd_data_reg <= inflight0_reg;
        12'h01c: cfg_rd_data_reg <= inflight1_reg;
        default: cfg_rd_data_reg <= 32'd0;
    endcase

    if (rst) begin
        bank_select_reg <= 1'b0;
        version0_reg <= 0;
        version1_reg <= 0;
        inflight0_reg <= 0;
        inflight1_reg <= 0;
        cfg_filter_we_reg <= 1'b0;
        cfg_index_we_reg <= 1'b0;
        cfg_store_we_reg <= 1'b0;
    end
end

assign cfg_rd_data = cfg_rd_data_reg;

// ---- dispatcher: whole messages to engines, round-robin ------------------
reg in_msg_reg = 1'b0;
reg [ENG_BITS-1:0] target_reg = 0;
reg [ENG_BITS-1:0] rr_reg = 0;

wire [ENG_BITS-1:0] target = in_msg_reg ? target_reg : rr_reg;
wire [ENGINES-1:0] in_full;
wire [ENGINES-1:0] in_empty;
wire [ENGINES-1:0] in_pop;
wire [ENGINES*IN_WIDTH-1:0] in_data;

assign s_axis_tready = !in_full[target];
wire beat_accept = s_axis_tvalid && s_axis_tready;
assign header_accept = beat_accept && !in_msg_reg;

always @(posedge clk) begin
    if (beat_accept) begin
        if (!in_msg_reg) begin
            target_reg <= rr_reg;
            rr_reg <= rr_reg == ENGINES-1 ? 0 : rr_reg + 1;
        end
        in_msg_reg <= !s_axis_tlast;
    end
    if (rst) begin
        in_msg_reg <= 1'b0;
        rr_reg <= 0;
    end
end

// ---- engines -------------------------------------------------------------
wire [ENGINES*CAND_WIDTH-1:0] cand_head;
wire [ENGINES-1:0] cand_empty;
wire [ENGINES-1:0] cand_pop;

genvar g;
generate
    for (g = 0; g < ENGINES; g = g + 1) begin : g_engine
        wire [CAND_WIDTH-1:0] cand_data;
        wire cand_wr;
        wire [CAND_FIFO_BITS:0] cand_count;

        kwm_fifo #(.WIDTH(IN_WIDTH), .ADDR_WIDTH(IN_FIFO_BITS)) in_fifo (
            .clk(clk),
            .rst(rst),
            .wr_en(beat_accept && target == g),
            .wr_data({bank_select_reg, !in_msg_reg, s_axis_tlast, s_axis_tdata}),
            .rd_en(in_pop[g]),
            .rd_data(in_data[g*IN_WIDTH +: IN_WIDTH]),
            .empty(in_empty[g]),
            .full(in_full[g]),
            .count()
        );

        kwm_engine #(
            .DATA_BYTES(DATA_BYTES),
            .WIN(WIN),
            .FILTER_BITS(FILTER_BITS),
            .FILTER_HASHES(FILTER_HASHES),
            .MAXK(MAXK),
            .CAND_WIDTH(CAND_WIDTH)
        ) engine (
            .clk(clk),
            .rst(rst),
            .in_data(in_data[g*IN_WIDTH +: IN_WIDTH]),
            .in_empty(in_empty[g]),
            .in_pop(in_pop[g]),
            .cfg_filter_we(cfg_filter_we_reg),
            .cfg_filter_bank(cfg_addr_reg[27]),
            .cfg_filter_win(cfg_addr_reg[26:24]),
            .cfg_filter_hash(cfg_addr_reg[23:22]),
            .cfg_filter_word(cfg_addr_reg[21:2]),
            .cfg_filter_data(cfg_data_reg),
            .cand_data(cand_data),
            .cand_wr(cand_wr),
            .cand_room2(cand_count <= (1 << CAND_FIFO_BITS) - 2)
        );

        kwm_fifo #(.WIDTH(CAND_WIDTH), .ADDR_WIDTH(CAND_FIFO_BITS)) cand_fifo (
            .clk(clk),
            .rst(rst),
            .wr_en(cand_wr),
            .wr_data(cand_data),
            .rd_en(cand_pop[g]),
            .rd_data(cand_head[g*CAND_WIDTH +: CAND_WIDTH]),
            .empty(cand_empty[g]),
            .full(),
            .count(cand_count)
        );
    end
endgenerate

// ---- confirmation --------------------------------------------------------
kwm_confirm #(
    .ENGINES(ENGINES),
    .WIN(WIN),
    .MAXK(MAXK),
    .INDEX_BITS(INDEX_BITS),
    .STORE_BITS(STORE_BITS),
    .CAND_WIDTH(CAND_WIDTH),
    .STORE_WIDTH(STORE_WIDTH)
) confirm (
    .clk(clk),
    .rst(rst),
    .cand_data(cand_head),
    .cand_empty(cand_empty),
    .cand_pop(cand_pop),
    .cfg_index_we(cfg_index_we_reg),
    .cfg_index_bank(cfg_addr_reg[27]),
    .cfg_index_addr(cfg_addr_reg[INDEX_BITS+1:2]),
    .cfg_index_data(cfg_data_reg),
    .cfg_store_we(cfg_store_we_reg),
    .cfg_store_bank(cfg_addr_reg[31]),
    .cfg_store_addr(cfg_addr_reg[STORE_BITS-1:0]),
    .cfg_store_data(cfg_store_data_reg),
    .version0(version0_reg),
    .version1(version1_reg),
    .done_valid(done_valid),
    .done_bank(done_bank),
    .m_axis_tdata(m_axis_tdata),
    .m_axis_tvalid(m_axis_tvalid),
    .m_axis_tready(m_axis_tready),
    .m_axis_tlast(m_axis_tlast),
    .m_axis_tuser(m_axis_tuser)
);

endmodule

`resetall
