// Simple dual-port RAM: one write port (table loading), one registered
// read port (lookup). Written so that Yosys, Vivado and Quartus infer block
// RAM; no vendor primitive, no reset of the array or the read register.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module kwm_ram #(
    parameter WIDTH = 32,
    parameter ADDR_WIDTH = 10
) (
    input  wire                  clk,
    input  wire                  wr_en,
    input  wire [ADDR_WIDTH-1:0] wr_addr,
    input  wire [WIDTH-1:0]      wr_data,
    input  wire [ADDR_WIDTH-1:0] rd_addr,
    output wire [WIDTH-1:0]      rd_data
);

reg [WIDTH-1:0] mem [0:(1<<ADDR_WIDTH)-1];
reg [WIDTH-1:0] rd_data_reg;

assign rd_data = rd_data_reg;

always @(posedge clk) begin
    if (wr_en) begin
        mem[wr_addr] <= wr_data;
    end
    rd_data_reg <= mem[rd_addr];
end

endmodule

`resetall
