// Synchronous first-word-fall-through FIFO: rd_data is valid whenever
// empty is low, so a consumer can look at the head and pop in one cycle.
// Small depths only (it maps to distributed RAM / registers).
`resetall
`timescale 1ns / 1ps
`default_nettype none

module kwm_fifo #(
    parameter WIDTH = 32,
    parameter ADDR_WIDTH = 4
) (
    input  wire             clk,
    input  wire             rst,
    input  wire             wr_en,
    input  wire [WIDTH-1:0] wr_data,
    input  wire             rd_en,
    output wire [WIDTH-1:0] rd_data,
    output wire             empty,
    output wire             full,
    output wire [ADDR_WIDTH:0] count
);

reg [WIDTH-1:0] mem [0:(1<<ADDR_WIDTH)-1];
reg [ADDR_WIDTH:0] wr_ptr_reg = 0, wr_ptr_next;
reg [ADDR_WIDTH:0] rd_ptr_reg = 0, rd_ptr_next;

assign rd_data = mem[rd_ptr_reg[ADDR_WIDTH-1:0]];
assign count = wr_ptr_reg - rd_ptr_reg;
assign empty = wr_ptr_reg == rd_ptr_reg;
assign full = count == (1 << ADDR_WIDTH);

always @* begin
    wr_ptr_next = wr_ptr_reg + {{ADDR_WIDTH{1'b0}}, wr_en && !full};
    rd_ptr_next = rd_ptr_reg + {{ADDR_WIDTH{1'b0}}, rd_en && !empty};
end

always @(posedge clk) begin
    if (wr_en && !full) begin
        mem[wr_ptr_reg[ADDR_WIDTH-1:0]] <= wr_data;
    end
    wr_ptr_reg <= wr_ptr_next;
    rd_ptr_reg <= rd_ptr_next;
    if (rst) begin
        wr_ptr_reg <= 0;
        rd_ptr_reg <= 0;
    end
end

endmodule

`resetall
